#include "markdown_arena.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// Every block starts with a header holding its usable size, so realloc knows what to copy.
typedef struct { size_t size; size_t pad; } header_t;  // 16 bytes: keeps blocks 16-aligned

typedef struct chunk {
  struct chunk *previous;
  size_t capacity;  // bytes after this struct
  size_t used;
  size_t pad;       // keeps the data 16-aligned
} chunk_t;

enum { CHUNK_SIZE = 256 * 1024 };

static _Thread_local chunk_t *current = NULL;

static void *fail(void) {
  fprintf(stderr, "habitat: mémoire épuisée pendant la lecture du Markdown\n");
  abort();
}

static char *data(chunk_t *c) { return (char *)(c + 1); }

static chunk_t *new_chunk(size_t at_least) {
  size_t capacity = at_least > CHUNK_SIZE ? at_least : CHUNK_SIZE;
  chunk_t *c = malloc(sizeof(chunk_t) + capacity);
  if (!c) fail();
  c->previous = current;
  c->capacity = capacity;
  c->used = 0;
  current = c;
  return c;
}

static size_t rounded(size_t size) { return (size + 15) & ~(size_t)15; }

static void *allocate(size_t size) {
  size_t need = sizeof(header_t) + rounded(size);
  if (need < size) fail();  // overflow
  chunk_t *c = current;
  if (!c || c->capacity - c->used < need) c = new_chunk(need);
  header_t *h = (header_t *)(data(c) + c->used);
  c->used += need;
  h->size = rounded(size);
  return h + 1;
}

void *markdown_arena_calloc(size_t count, size_t size) {
  if (size && count > SIZE_MAX / size) fail();
  void *p = allocate(count * size);
  memset(p, 0, count * size);
  return p;
}

void *markdown_arena_realloc(void *pointer, size_t size) {
  if (!pointer) return allocate(size);
  header_t *h = (header_t *)pointer - 1;
  if (size <= h->size) return pointer;
  chunk_t *c = current;
  // The last block of the current chunk grows in place (a buffer being appended to).
  if (c && (char *)pointer + h->size == data(c) + c->used && c->capacity - c->used >= rounded(size) - h->size) {
    c->used += rounded(size) - h->size;
    h->size = rounded(size);
    return pointer;
  }
  void *q = allocate(size);
  memcpy(q, pointer, h->size);
  return q;
}

void markdown_arena_free(void *pointer) { (void)pointer; }

void markdown_arena_reset(void) {
  while (current && current->previous) {
    chunk_t *previous = current->previous;
    free(current);
    current = previous;
  }
  if (current) {
    // A chunk made for one huge block is not kept.
    if (current->capacity > CHUNK_SIZE) { free(current); current = NULL; }
    else current->used = 0;
  }
}
