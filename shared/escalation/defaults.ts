/**
 * The "En cas de problème" section of IT's guide ("Mise à jour Windows des serveurs", summarised in README.md) as
 * data. The inventory's Contacts sheet is tried before these, so IT can override any of them without a new release.
 *
 * Convention: a rule whose `from` equals its `to` covers the whole day (00:00–24:00).
 */
import type { Contact, ContactRule } from '../inventory/model';

export const DEFAULT_CONTACT_RULES: readonly ContactRule[] = [
  {
    // "Le 17 octobre à HMR : Contactez le coordonnateur d'activité…" (first month of the program, 2018). The guide
    // means after that day's window; the whole day is the simplest faithful reading.
    id: 'guide-hmr-2018-10-17',
    date: '2018-10-17',
    site: 'HMR',
    service: null,
    from: '00:00',
    to: '00:00',
    urgencePilote: null,
    contact: {
      name: "Coordonnateur d'activité",
      phone: null,
      url: null,
      note: "Il communiquera avec l'équipe de veille de la DSP.",
    },
  },
  {
    id: 'guide-cda',
    date: null,
    site: null,
    service: null,
    from: '04:00',
    to: '07:00',
    urgencePilote: null,
    contact: {
      name: 'CDA',
      phone: '3050',
      url: null,
      note: "Le CDA demandera s'il y avait une plage de maintenance prévue.",
    },
  },
  {
    // The form's address is not in the guide: the agent passes IT's setting as `octopusUrl` to decideContact.
    id: 'guide-octopus',
    date: null,
    site: null,
    service: null,
    from: '07:00',
    to: '17:00',
    urgencePilote: true,
    contact: {
      name: 'Formulaire Octopus',
      phone: null,
      url: null,
      note: 'Vous pouvez aussi appeler le CSI au 5656.',
    },
  },
  {
    id: 'guide-csi',
    date: null,
    site: null,
    service: null,
    from: '07:00',
    to: '17:00',
    urgencePilote: null,
    contact: { name: 'CSI', phone: '5656', url: null, note: null },
  },
];

/** English wording of the default contacts, by rule id (inventory rules are shown as IT typed them). */
export const DEFAULT_CONTACTS_EN: Readonly<Record<string, Contact>> = {
  'guide-hmr-2018-10-17': {
    name: 'Activity coordinator',
    phone: null,
    url: null,
    note: "They will contact the DSP's on-call team.",
  },
  'guide-cda': {
    name: 'CDA',
    phone: '3050',
    url: null,
    note: 'The CDA will ask whether a maintenance window was scheduled.',
  },
  'guide-octopus': {
    name: 'Octopus form',
    phone: null,
    url: null,
    note: 'You can also call the CSI at 5656.',
  },
  'guide-csi': { name: 'CSI', phone: '5656', url: null, note: null },
};
