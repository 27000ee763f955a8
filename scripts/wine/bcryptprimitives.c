/*
 * Test-harness shim, never shipped: Debian's wine 8 has no bcryptprimitives.dll, which
 * Rust's standard library loads for ProcessPrng (its source of random numbers on Windows
 * 10 and later). This DLL exports ProcessPrng and forwards it to advapi32's
 * SystemFunction036 (RtlGenRandom), which wine has. scripts/wine-runner.sh builds it with
 * mingw-w64 and copies it into the test prefix's system32.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
