#ifndef HABITAT_SYS_H
#define HABITAT_SYS_H
/// Atomically exchanges two paths (Linux renameat2 RENAME_EXCHANGE). Returns 0 on success,
/// -1 with errno set otherwise (e.g. EINVAL on file systems without support).
int habitat_exchange_paths(const char *a, const char *b);
/// Keeps freed heap memory for reuse instead of returning it to the system after each page
/// (glibc only; a no-op elsewhere).
void habitat_tune_allocator(void);
#endif
