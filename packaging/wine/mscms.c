/* Stand-in for Windows' mscms.dll (colour management), used only in the Wine prefix of
 * packaging/windows_under_wine.py, never shipped (the script checks the bundle for the marker).
 *
 * Qt's Windows platform plugin (qwindows.dll) imports four functions of mscms.dll to read the
 * colour profile of each screen. Wine 8 exports WcsCreateIccProfile only as a stub that aborts the
 * process when called, so no Qt window can open. This stand-in answers as Windows does for a
 * screen without a colour profile: there is none to open, and Qt then takes the screen as sRGB
 * (what it does on any PC without a calibrated profile). */
#include <windows.h>
#include <icm.h>

__declspec(dllexport) const char mou_drafter_wine_stand_in[] =
    "MoU Drafter Wine stand-in DLL: for testing under Wine only, never ship";

__declspec(dllexport) HPROFILE WINAPI OpenColorProfileW(PPROFILE profile, DWORD access, DWORD share, DWORD creation)
{
    (void)profile; (void)access; (void)share; (void)creation;
    SetLastError(ERROR_FILE_NOT_FOUND);
    return NULL;
}

__declspec(dllexport) HPROFILE WINAPI WcsCreateIccProfile(HPROFILE wcs_profile, DWORD options)
{
    (void)wcs_profile; (void)options;
    SetLastError(ERROR_INVALID_HANDLE);
    return NULL;
}

__declspec(dllexport) BOOL WINAPI GetColorProfileFromHandle(HPROFILE handle, PBYTE buffer, PDWORD size)
{
    (void)handle; (void)buffer;
    if (size)
        *size = 0;
    SetLastError(ERROR_INVALID_HANDLE);
    return FALSE;
}

__declspec(dllexport) BOOL WINAPI CloseColorProfile(HPROFILE handle)
{
    (void)handle;
    SetLastError(ERROR_INVALID_HANDLE);
    return FALSE;
}
