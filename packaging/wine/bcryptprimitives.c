/* Stand-in for Windows' bcryptprimitives.dll, used only in the Wine prefix of
 * packaging/windows_under_wine.py, never shipped (the script checks the bundle for the marker).
 *
 * Rust's standard library (since 1.78) draws its random numbers from bcryptprimitives!ProcessPrng,
 * which Windows 10 and later export and Wine 8 lacks; pydantic-core is written in Rust and imports
 * it. ProcessPrng fills the buffer from the system's preferred random number generator, which is
 * exactly what BCryptGenRandom with BCRYPT_USE_SYSTEM_PREFERRED_RNG does (Wine implements it). */
#include <windows.h>
#include <bcrypt.h>

__declspec(dllexport) const char mou_drafter_wine_stand_in[] =
    "MoU Drafter Wine stand-in DLL: for testing under Wine only, never ship";

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
    while (size > 0) {
        ULONG chunk = size > 0x40000000 ? 0x40000000 : (ULONG)size;
        if (!BCRYPT_SUCCESS(BCryptGenRandom(NULL, data, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG)))
            return FALSE;
        data += chunk;
        size -= chunk;
    }
    return TRUE; /* Windows documents that ProcessPrng always returns TRUE */
}
