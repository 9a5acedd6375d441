/* Stand-in for Windows' own ICU (icu.dll, and icuuc.dll for Qt6Core's ucnv_* imports), used only
 * in the Wine prefix of packaging/windows_under_wine.py, never shipped (the script checks the
 * bundle for the marker below).
 *
 * Windows 10 (1703 and later) has ICU in System32 with unversioned C names: icuuc.dll (common)
 * and, since 1903, icu.dll (common and i18n together). Qt6Core.dll from the PySide6 wheel imports
 * its converters (ucnv_open, ...) from icuuc.dll, and the app's Lao word breaking loads icu.dll
 * (mou_drafter/icu_words.py). Wine 8 has neither. This DLL has no code of its own: every export is
 * a forwarder, generated at run time into a .def file, from the unversioned name (ubrk_open) to a
 * real ICU build for Windows with versioned names (icuuc78-<hash>.dll!ubrk_open_78), taken from
 * the icu4py wheel and put in the prefix's System32. */
#include <windows.h>

__declspec(dllexport) const char mou_drafter_wine_stand_in[] =
    "MoU Drafter Wine stand-in DLL: for testing under Wine only, never ship";

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    (void)instance; (void)reason; (void)reserved;
    return TRUE;
}
