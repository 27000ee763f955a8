; The Windows installer of Keuzehulp, built with Debian's makensis by scripts/package.sh.
; Tauri's own NSIS bundler downloads NSIS and its plug-ins at bundle time, which this build
; machine cannot reach; this script uses only what NSIS 3 ships (MUI2, the Dutch and English
; language files). The release workflow (.github/workflows/release.yml) builds the same
; program with Tauri's bundler on a Windows runner, under the same file name.
;
;   makensis -DVERSION=x.y.z -DSTAGE=<dir with the files> -DOUTFILE=<setup.exe> keuzehulp.nsi
;
; A per-user install: no administrator rights, files under %LOCALAPPDATA%\Programs\Keuzehulp,
; a Start-menu entry, an uninstaller registered under HKCU. The user's data (dossiers,
; backups) lives apart, in %APPDATA%\Keuzehulp\keuzehulp\data, and survives an uninstall
; unless the user asks to remove it too.

; A 64-bit installer (NSIS's amd64-unicode stubs, shipped by Debian's nsis): the program is
; 64-bit only, and a 64-bit installer also runs where 32-bit support is missing.
Target amd64-unicode
ManifestDPIAware true
!ifdef FAST
  SetCompressor zlib
!else
  SetCompressor /SOLID lzma
!endif
RequestExecutionLevel user

!ifndef VERSION
  !error "pass -DVERSION=x.y.z"
!endif
!ifndef STAGE
  !error "pass -DSTAGE=<folder holding keuzehulp-desktop.exe, keuzehulp.exe, ...>"
!endif
!ifndef OUTFILE
  !define OUTFILE "Keuzehulp_${VERSION}_x64-setup.exe"
!endif

!define PRODUCT "Keuzehulp"
!define PUBLISHER "Keuzehulp"
!define APP_EXE "keuzehulp-desktop.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Keuzehulp"
; The Evergreen WebView2 Runtime's client id (Microsoft's documented registry check).
!define WEBVIEW2_GUID "{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"
!define WEBVIEW2_URL "https://go.microsoft.com/fwlink/p/?LinkId=2124703"

Name "${PRODUCT} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${PRODUCT}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${PRODUCT} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${PRODUCT}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${PRODUCT} installatieprogramma"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "EUPL-1.2"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "x64.nsh"

!define MUI_ICON "${STAGE}\icon.ico"
!define MUI_UNICON "${STAGE}\icon.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "Dutch"
!insertmacro MUI_LANGUAGE "English"

LangString NeedsWebView2 ${LANG_DUTCH} "Keuzehulp heeft de Microsoft Edge WebView2 Runtime nodig. Op Windows 10 en 11 is die er meestal al. Hij is niet gevonden: installeer hem via ${WEBVIEW2_URL} (of vraag uw IT-afdeling). Wilt u Keuzehulp toch nu installeren?"
LangString NeedsWebView2 ${LANG_ENGLISH} "Keuzehulp needs the Microsoft Edge WebView2 Runtime, which Windows 10 and 11 usually have. It was not found: install it from ${WEBVIEW2_URL} (or ask your IT department). Install Keuzehulp anyway?"
LangString Needs64Bit ${LANG_DUTCH} "Keuzehulp werkt alleen op 64-bits Windows."
LangString Needs64Bit ${LANG_ENGLISH} "Keuzehulp runs on 64-bit Windows only."
LangString RemoveData ${LANG_DUTCH} "Wilt u ook uw eigen gegevens verwijderen: alle dossiers en reservekopieën in $APPDATA\Keuzehulp? Kies Nee om ze te bewaren (aanbevolen)."
LangString RemoveData ${LANG_ENGLISH} "Also remove your own data: every dossier and backup in $APPDATA\Keuzehulp? Choose No to keep them (recommended)."

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "$(Needs64Bit)" /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  ; WebView2 is a requirement, named here and in the README; the installer cannot fetch it.
  ReadRegStr $0 HKLM "SOFTWARE\WOW6432Node\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_GUID}" "pv"
  ${If} $0 == ""
    ReadRegStr $0 HKLM "SOFTWARE\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_GUID}" "pv"
  ${EndIf}
  ${If} $0 == ""
    ReadRegStr $0 HKCU "Software\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_GUID}" "pv"
  ${EndIf}
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    MessageBox MB_YESNO|MB_ICONEXCLAMATION "$(NeedsWebView2)" /SD IDYES IDYES +2
    Abort
  ${EndIf}
FunctionEnd

Section "Keuzehulp" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  File "${STAGE}\${APP_EXE}"
  File "${STAGE}\keuzehulp.exe"
  File /nonfatal "${STAGE}\WebView2Loader.dll"
  File "${STAGE}\icon.ico"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  ; The Start-menu entry, for this user only.
  CreateShortCut "$SMPROGRAMS\${PRODUCT}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\icon.ico" 0

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\icon.ico"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\${PRODUCT}.lnk"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\keuzehulp.exe"
  Delete "$INSTDIR\WebView2Loader.dll"
  Delete "$INSTDIR\icon.ico"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  ; The web view's cache (WebView2 user data), which is not the user's own data.
  RMDir /r "$LOCALAPPDATA\nl.keuzehulp.desktop"
  ; The user's data stays unless they ask otherwise; a silent uninstall (/S) keeps it.
  MessageBox MB_YESNO|MB_ICONQUESTION|MB_DEFBUTTON2 "$(RemoveData)" /SD IDNO IDNO keep
    RMDir /r "$APPDATA\Keuzehulp"
  keep:
SectionEnd

Function un.onInit
  SetRegView 64
FunctionEnd
