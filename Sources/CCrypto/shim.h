#ifndef CCRYPTO_SHIM_H
#define CCRYPTO_SHIM_H
// OpenSSL's libcrypto, for SHA-1 only: its implementation uses the CPU's SHA extensions
// where they exist (several times faster than portable code on the digests of loose pages).
#include <openssl/evp.h>
#endif
