#ifndef MARKDOWN_ARENA_H
#define MARKDOWN_ARENA_H
#include <stddef.h>

/// A per-thread bump allocator for cmark-gfm (its `cmark_mem`: calloc, realloc, free).
///
/// cmark allocates a small block for every node, every literal and every buffer growth, and
/// frees them one by one: about a sixth of a 10 000-page build went to malloc and free. With
/// this arena a document's allocations are carved out of large chunks, `free` does nothing,
/// and `markdown_arena_reset` releases the whole document at once.
///
/// Rules: one document at a time per thread, from `cmark_parser_new_with_mem` to the end of
/// its rendering; nothing cmark returned may be used after `markdown_arena_reset` (copy it out
/// first); never pass arena memory to the C library's `free`.
void *markdown_arena_calloc(size_t count, size_t size);
void *markdown_arena_realloc(void *pointer, size_t size);
void markdown_arena_free(void *pointer);
/// Forgets every allocation of this thread's arena, keeping one chunk for the next document.
void markdown_arena_reset(void);
#endif
