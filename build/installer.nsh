; Included by electron-builder's NSIS installer (electron-builder.yml: nsis.include).
;
; Optional machine-wide start at login for shared ward PCs, where a per-user login item would have to be
; created by every nurse's first start:
;   Vigie-Setup-<version>.exe /S /MACHINEAUTOSTART
; writes HKLM\...\Run\Vigie = "<install dir>\Vigie.exe" --login. IT then sets "machineWideAutostart": true in
; %ProgramData%\Vigie\config.json so Vigie does not also create per-user entries (electron/shell/startup.ts).
; An update keeps the value (the old version's uninstaller runs with --updated); a real uninstall removes it.

!macro customInstall
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/MACHINEAUTOSTART" $R1
  ${IfNot} ${Errors}
    WriteRegStr HKLM "Software\Microsoft\Windows\CurrentVersion\Run" "${PRODUCT_NAME}" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" --login'
  ${EndIf}
!macroend

!macro customUnInstall
  ${ifNot} ${isUpdated}
    DeleteRegValue HKLM "Software\Microsoft\Windows\CurrentVersion\Run" "${PRODUCT_NAME}"
  ${endIf}
!macroend
