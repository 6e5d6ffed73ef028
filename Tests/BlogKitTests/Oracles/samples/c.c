/*
 * ringbuf.c - a lock-free single-producer/single-consumer ring buffer.
 * From the post "Ring buffers from scratch".
 *
 * Build: cc -std=c11 -O2 -Wall -o ringbuf ringbuf.c
 */
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RB_CAPACITY 1024u              /* must be a power of two */
#define RB_MASK     (RB_CAPACITY - 1u)
#define LIKELY(x)   __builtin_expect(!!(x), 1)
#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

_Static_assert((RB_CAPACITY & RB_MASK) == 0, "capacity must be a power of two");

typedef struct {
    uint32_t id;
    double   value;
    char     tag[8];
} sample_t;

typedef struct ringbuf {
    _Alignas(64) atomic_size_t head;   // written by producer
    _Alignas(64) atomic_size_t tail;   // written by consumer
    sample_t slots[RB_CAPACITY];
} ringbuf_t;

static ringbuf_t *rb_new(void)
{
    ringbuf_t *rb = calloc(1, sizeof *rb);
    if (rb == NULL) {
        perror("calloc");
        return NULL;
    }
    atomic_init(&rb->head, 0);
    atomic_init(&rb->tail, 0);
    return rb;
}

static inline bool rb_push(ringbuf_t *rb, const sample_t *s)
{
    size_t head = atomic_load_explicit(&rb->head, memory_order_relaxed);
    size_t tail = atomic_load_explicit(&rb->tail, memory_order_acquire);
    if (head - tail == RB_CAPACITY)
        return false; /* full */
    rb->slots[head & RB_MASK] = *s;
    atomic_store_explicit(&rb->head, head + 1, memory_order_release);
    return true;
}

static inline bool rb_pop(ringbuf_t *rb, sample_t *out)
{
    size_t tail = atomic_load_explicit(&rb->tail, memory_order_relaxed);
    size_t head = atomic_load_explicit(&rb->head, memory_order_acquire);
    if (LIKELY(head == tail))
        return false; /* empty */
    *out = rb->slots[tail & RB_MASK];
    atomic_store_explicit(&rb->tail, tail + 1, memory_order_release);
    return true;
}

enum { MODE_FAST = 0x1, MODE_VERBOSE = 0x2, MODE_CHECK = 0x4 };

int main(int argc, char **argv)
{
    unsigned mode = argc > 1 ? (unsigned)strtoul(argv[1], NULL, 0) : MODE_FAST;
    ringbuf_t *rb = rb_new();
    if (!rb)
        return EXIT_FAILURE;

    const char *tags[] = { "cpu", "mem", "disk\t", "net" };
    for (uint32_t i = 0; i < 10; ++i) {
        sample_t s = { .id = i, .value = i * 1.5e-3 + 0.25f };
        strncpy(s.tag, tags[i % ARRAY_LEN(tags)], sizeof s.tag - 1);
        if (!rb_push(rb, &s)) {
            fprintf(stderr, "buffer full at %u\n", i);
            break;
        }
    }

    sample_t out;
    long long sum = 0LL;
    while (rb_pop(rb, &out)) {
        sum += out.id;
        if (mode & MODE_VERBOSE)
            printf("#%-3u %-6s %8.4f\n", out.id, out.tag, out.value);
    }
    printf("sum=%lld mask=%#x char='%c' newline='\\n'\n", sum, RB_MASK, 'A' + 1);
    free(rb);
    return sum == 45 ? 0 : 1;
}
