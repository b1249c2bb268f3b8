/* version.c — the library's own version, for a program to compare with the
 * DYAD_VERSION of the header it was built with. */
#include "dyad.h"

const char *dyad_libversion(void)
{
    return DYAD_VERSION;
}

int dyad_libversion_number(void)
{
    return DYAD_VERSION_NUMBER;
}
