/**
 * A key pair and a signature made by the real minisign tool (published as a compatibility vector in SerenityOS's
 * LibCrypto tests, Tests/LibCrypto/TestMinisign.cpp): `minisign -G -W`, then `minisign -S` of "1234abc\n".
 */
export const MINISIGN_PUBLIC_KEY_FILE =
  'untrusted comment: minisign public key FDE44BFDD77EC45A\nRWRaxH7X/Uvk/etgLk05NOsAT5aNTz1d5DjHD2R3s1/URq3vnQw6R790\n';
export const MINISIGN_SECRET_KEY_FILE =
  'untrusted comment: minisign encrypted secret key\n' +
  'RWQAAEIyAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAWsR+1/1L5P3AKeEZBVWCT2g7hvHFeF8ALiRqPDSZdINZiB1uSVxyaetgLk05NOsAT5aNTz1d5DjHD2R3s1/URq3vnQw6R790AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n';
export const MINISIGN_MESSAGE = '1234abc\n';
export const MINISIGN_TRUSTED_COMMENT = 'timestamp:1745588000\tfile:1234abc\thashed';
export const MINISIGN_SIGNATURE_FILE =
  'untrusted comment: signature from minisign secret key\n' +
  'RURaxH7X/Uvk/Q81zoW4nzVrc1gVOQF5PZwD9vxF7TEI6lYC1qvXP4oyPcBiF0QtMDzJZvMj3/M+rm1S0nhxQA0pNtVL3VNFJAg=\n' +
  `trusted comment: ${MINISIGN_TRUSTED_COMMENT}\n` +
  'bRVIYO+dSrQwLhTY6/kk/0qyIb7xrzPA7qq9RPIpOYBo9hnhL0L/IW5WLSiqaA9tSY+PjYjLJQ8GFqFfZyi4AA==\n';
