/* newsclean._speedups, part "reader": the loop of the plain-text reader.
 *
 * text_blocks(text, block_type, classify_line, squash, paragraph_blocks, wrapped_blocks)
 * is newsclean.readers.text._fast_blocks(text) (its Python reference, kept as the
 * fallback) for a text read_text has already given one kind of line break and found no
 * code fence in. It finds the paragraphs, strips, squashes and classifies the common lines
 * (plain lines, bullets, numbered items) itself and calls back the Python functions of
 * readers/text.py, passed in, for what is rare: classify_line (_classify_line) for a line
 * starting with '#' or '>', squash (_squash) for a line holding a no-break space or NEL
 * (a possible mojibake tail), paragraph_blocks (_paragraph_blocks) for a paragraph with a
 * quote or a setext underline, and wrapped_blocks (_wrapped_blocks) for a paragraph whose
 * widths may be wrapped prose. tests/test_speedups_reader.py checks that it gives the
 * blocks _fast_blocks gives, under hypothesis and on every page of the benchmark corpus.
 *
 * The blocks are made as _BlockDraft makes them (document.py): a `block_type` (Block)
 * instance from tp_alloc whose slots are filled directly, at the offsets its member
 * descriptors give (checked to be plain object slots), as `object.__setattr__` would.
 * Their fields are all exact str, int, float or bool (what the callbacks return is
 * checked), so no reference cycle can go through them: they are untracked by the cyclic
 * garbage collector, as CPython untracks a tuple of such objects, which spares the
 * collections the reader's many allocations set off from walking them.
 */

#ifndef Py_T_OBJECT_EX
#include <structmember.h>
#define Py_T_OBJECT_EX T_OBJECT_EX
#define Py_READONLY READONLY
#endif

/* Block's fields, in the order of its constructor. */
#define READER_FIELDS 8
static const char *const reader_field_names[READER_FIELDS] = {
    "text", "kind", "level", "path", "link_density", "position", "line_count", "blank_before",
};

/* The constants the blocks share, made once: kind names, "", 0.0, 0. */
static PyObject *reader_paragraph, *reader_line, *reader_list_item, *reader_empty,
    *reader_no_density, *reader_zero;

/* readers/text.py's _WRAP_MIN_WIDTH, _WRAP_MAX_WIDTH, _NO_WIDTH; _WRAP_SHARE (0.75) is
 * the 3 / 4 of reader_lines. tests/test_speedups_reader.py checks the Python constants
 * that this file mirrors. */
#define READER_WRAP_MIN_WIDTH 40
#define READER_WRAP_MAX_WIDTH 100
#define READER_NO_WIDTH (READER_WRAP_MAX_WIDTH + 1)

typedef struct {
    PyObject *text;
    int kind;
    const void *data;
    Py_ssize_t n;
    PyTypeObject *block_type;
    Py_ssize_t offsets[READER_FIELDS];
    PyObject *classify_line, *squash, *paragraph_blocks, *wrapped_blocks;
    PyObject *blocks; /* the list made */
    Py_ssize_t position;
} Reader;

#define RD(r, i) PyUnicode_READ((r)->kind, (r)->data, (i))

static int
reader_init_constants(void)
{
    if (reader_zero != NULL)
        return 0;
    reader_paragraph = PyUnicode_InternFromString("paragraph");
    reader_line = PyUnicode_InternFromString("line");
    reader_list_item = PyUnicode_InternFromString("list_item");
    reader_empty = PyUnicode_FromStringAndSize("", 0);
    reader_no_density = PyFloat_FromDouble(0.0);
    reader_zero = PyLong_FromLong(0);
    if (reader_paragraph == NULL || reader_line == NULL || reader_list_item == NULL
        || reader_empty == NULL || reader_no_density == NULL || reader_zero == NULL) {
        Py_CLEAR(reader_paragraph);
        Py_CLEAR(reader_line);
        Py_CLEAR(reader_list_item);
        Py_CLEAR(reader_empty);
        Py_CLEAR(reader_no_density);
        Py_CLEAR(reader_zero);
        return -1;
    }
    return 0;
}

/* The slot offsets of the fields of `type`: each must be a writable object slot (a
 * member descriptor of __slots__) inside the instance, which has no __dict__. */
static int
reader_offsets(Reader *r, PyObject *type)
{
    if (!PyType_Check(type)) {
        PyErr_SetString(PyExc_TypeError, "text_blocks(): block_type must be a type");
        return -1;
    }
    PyTypeObject *t = (PyTypeObject *)type;
    if (t->tp_dictoffset != 0 || t->tp_itemsize != 0) {
        PyErr_SetString(PyExc_TypeError, "text_blocks(): block_type must have __slots__ only");
        return -1;
    }
    for (int k = 0; k < READER_FIELDS; k++) {
        PyObject *descr = PyObject_GetAttrString(type, reader_field_names[k]);
        if (descr == NULL)
            return -1;
        int ok = Py_IS_TYPE(descr, &PyMemberDescr_Type)
                 && PyType_IsSubtype(t, PyDescr_TYPE(descr));
        if (ok) {
            const PyMemberDef *member = ((PyMemberDescrObject *)descr)->d_member;
            ok = member->type == Py_T_OBJECT_EX && !(member->flags & Py_READONLY)
                 && member->offset >= (Py_ssize_t)sizeof(PyObject)
                 && member->offset + (Py_ssize_t)sizeof(PyObject *) <= t->tp_basicsize;
            r->offsets[k] = member->offset;
        }
        Py_DECREF(descr);
        if (!ok) {
            PyErr_Format(PyExc_TypeError, "text_blocks(): block_type.%s is not a slot",
                         reader_field_names[k]);
            return -1;
        }
    }
    r->block_type = t;
    return 0;
}

/* Append a block of `text` (a new reference, taken over; NULL after an error) with the
 * other fields given, at the next position. */
static int
reader_add(Reader *r, PyObject *text, PyObject *kind, PyObject *level, Py_ssize_t line_count,
           int first)
{
    if (text == NULL)
        return -1;
    PyObject *position = PyLong_FromSsize_t(r->position);
    PyObject *count = PyLong_FromSsize_t(line_count);
    PyObject *block = NULL;
    if (position != NULL && count != NULL)
        block = r->block_type->tp_alloc(r->block_type, 0);
    if (block == NULL) {
        Py_DECREF(text);
        Py_XDECREF(position);
        Py_XDECREF(count);
        return -1;
    }
    PyObject *values[READER_FIELDS] = {
        text, kind, level, reader_empty, reader_no_density, position, count,
        first ? Py_True : Py_False,
    };
    Py_INCREF(kind);
    Py_INCREF(level);
    Py_INCREF(reader_empty);
    Py_INCREF(reader_no_density);
    Py_INCREF(values[7]);
    for (int k = 0; k < READER_FIELDS; k++)
        *(PyObject **)((char *)block + r->offsets[k]) = values[k];
    /* Its fields are exact str, int, float and bool: see the top of this file. */
    if (PyType_IS_GC(r->block_type))
        PyObject_GC_UnTrack(block);
    int result = PyList_Append(r->blocks, block);
    Py_DECREF(block);
    if (result < 0)
        return -1;
    r->position++;
    return 0;
}

/* Append the blocks of `made` (a new reference to the list a callback returned, or NULL
 * after an error) and count them. */
static int
reader_extend(Reader *r, PyObject *made)
{
    if (made == NULL)
        return -1;
    if (!PyList_Check(made)) {
        Py_DECREF(made);
        PyErr_SetString(PyExc_TypeError, "text_blocks(): a callback returned no list");
        return -1;
    }
    Py_ssize_t size = PyList_GET_SIZE(made);
    int result = PyList_SetSlice(r->blocks, PY_SSIZE_T_MAX, PY_SSIZE_T_MAX, made);
    Py_DECREF(made);
    if (result < 0)
        return -1;
    r->position += size;
    return 0;
}

/* ---------------------------------------------------------------- characters */

/* readers/text.py's _MARKERS: # * - + • · ▪ ◦ ‣ > = ~ ` and the ASCII digits. */
static inline int
reader_is_marker(Py_UCS4 c)
{
    switch (c) {
    case '#': case '*': case '-': case '+': case 0x2022: case 0xb7: case 0x25aa:
    case 0x25e6: case 0x2023: case '>': case '=': case '~': case '`':
        return 1;
    default:
        return c >= '0' && c <= '9';
    }
}

/* The bullets of readers/text.py's _BULLET: [*\-+•·▪◦‣]. */
static inline int
reader_is_bullet(Py_UCS4 c)
{
    switch (c) {
    case '*': case '-': case '+': case 0x2022: case 0xb7: case 0x25aa: case 0x25e6:
    case 0x2023:
        return 1;
    default:
        return 0;
    }
}

/* The spaces _SPACES squashes: [ \t\u2000-\u200a\u202f\u205f\u3000]. */
static inline int
reader_is_squashed(Py_UCS4 c)
{
    return c == ' ' || c == '\t' || (c >= 0x2000 && c <= 0x200a) || c == 0x202f || c == 0x205f
           || c == 0x3000;
}

/* What one pass over a line finds. `bits` is the bitwise or of the characters of the
 * stripped text: it is below 128, 256 or 0x10000 exactly when their largest is, which is
 * all PyUnicode_New needs to know. */
typedef struct {
    Py_ssize_t start, end; /* the line, text[start:end]: end is its '\n' or the text's end */
    Py_ssize_t a, b;       /* its stripped text (str.strip(), Py_UNICODE_ISSPACE), text[a:b] */
    Py_UCS4 bits;
    int tail;   /* the line holds a no-break space or NEL (a possible mojibake tail) */
    int squash; /* the stripped text holds a run of spaces that _SPACES changes */
    int quote;  /* the line holds a '>' */
    int blank;  /* the line is blank for _PARAGRAPH_BREAK: nothing but [ \t\u00a0] */
} ReaderScan;

/* Flags kept with the bits of the characters seen (which take 21 bits). */
#define READER_SQUASH (1u << 24)
#define READER_QUOTE (1u << 25)
#define READER_BITS (READER_SQUASH - 1)

/* One loop per string kind, reading its characters directly, in one pass: the white
 * space before the stripped text, then the rest of the line. `seen` gathers the bits and
 * flags of every character from the stripped text's start on; `kept` is `seen` as it was
 * at the last character that is not white space, the end of the stripped text, so that
 * the white space after it counts for nothing but `tail`. A run of squashed spaces
 * changes when it holds one that is not the plain space, or two plain spaces in a row. */
#define READER_SCAN(TYPE)                                                                    \
    do {                                                                                     \
        const TYPE *p = (const TYPE *)r->data;                                               \
        Py_ssize_t i = start, n = r->n;                                                      \
        for (; i < n; i++) {                                                                 \
            Py_UCS4 c = p[i];                                                                \
            if (c == '\n' || !Py_UNICODE_ISSPACE(c))                                         \
                break;                                                                       \
            tail |= c == 0xa0 || c == 0x85;                                                  \
            odd |= c != ' ' && c != '\t' && c != 0xa0;                                       \
        }                                                                                    \
        a = b = i;                                                                           \
        Py_UCS4 previous = 0;                                                                \
        for (; i < n; previous = p[i], i++) {                                                \
            if (sizeof(TYPE) == 2 && READER_QUADS(p, i, n, previous, seen, kept, b))        \
                continue;                                                                    \
            Py_UCS4 c = p[i];                                                                \
            if (c >= ' ' && c < 0x7f) {                                                      \
                /* Printable ASCII (no bits above 127 to add) or the plain space, without   \
                 * a branch on which: a space after a space is a run to squash (after a     \
                 * squashed space of another kind, that one marked the run already). */     \
                Py_UCS4 space = c == ' ';                                                    \
                seen |= ((Py_UCS4)(c == '>') * READER_QUOTE)                                 \
                        | ((space & (previous == ' ')) * READER_SQUASH);                     \
                kept = space ? kept : seen;                                                  \
                b = space ? b : i + 1;                                                       \
            }                                                                                \
            else if (c == '\n')                                                              \
                break;                                                                       \
            else if (!Py_UNICODE_ISSPACE(c)) {                                               \
                seen |= c;                                                                   \
                kept = seen;                                                                 \
                b = i + 1;                                                                   \
            }                                                                                \
            else {                                                                           \
                seen |= c;                                                                   \
                if (c == 0xa0 || c == 0x85)                                                  \
                    tail = 1;                                                                \
                else if (reader_is_squashed(c)) /* not the plain space: see above */        \
                    seen |= READER_SQUASH;                                                   \
            }                                                                                \
        }                                                                                    \
        s->end = i;                                                                          \
    } while (0)

/* The fast lane of READER_SCAN for 2-byte strings: four characters at a time (read as a
 * 64-bit word, little-endian), when each is printable ASCII or the plain space, none is
 * '>' and no two spaces follow each other. Each test is done on all four 16-bit lanes at
 * once without carries between them (every lane is below 0x80 once the first holds):
 * adding 0x8000 - k to a lane sets its top bit exactly when the lane is k or more.
 * Then the four characters add no bits and no flags: `kept` and `b` move to the last one
 * that is not a space, if any. Leaves i on the last of them (the loop steps past it) and
 * returns 1; returns 0 (nothing done) otherwise. */
#if PY_LITTLE_ENDIAN
static inline int
reader_quads(const Py_UCS2 *p, Py_ssize_t *i, Py_ssize_t n, Py_UCS4 previous, Py_UCS4 seen,
             Py_UCS4 *kept, Py_ssize_t *b)
{
    const uint64_t top = 0x8000800080008000ULL;
    if (*i + 4 > n)
        return 0;
    uint64_t x;
    memcpy(&x, p + *i, sizeof(x));
    if ((x & 0xff80ff80ff80ff80ULL) != 0                               /* a lane >= 0x80 */
        || ((x + 0x7fe07fe07fe07fe0ULL) & top) != top                  /* a lane < 0x20 */
        || ((x + 0x7f817f817f817f81ULL) & top) != 0                    /* a lane >= 0x7f */
        || (((x ^ 0x003e003e003e003eULL) + 0x7fff7fff7fff7fffULL) & top) != top) /* '>' */
        return 0;
    uint64_t other = ((x ^ 0x0020002000200020ULL) + 0x7fff7fff7fff7fffULL) & top;
    uint64_t space = ~other & top;
    if (space & ((space << 16) | (previous == ' ' ? 0x8000u : 0u)))
        return 0; /* two spaces in a row: the character loop marks the run */
    if (other) {
        Py_ssize_t last = (other >> 63) ? 3 : (other >> 47) & 1 ? 2 : (other >> 31) & 1 ? 1 : 0;
        *b = *i + last + 1;
        *kept = seen;
    }
    *i += 3; /* the loop sets `previous` to p[*i] as it steps past it */
    return 1;
}
#define READER_QUADS(p, i, n, previous, seen, kept, b)                                       \
    reader_quads((const Py_UCS2 *)(p), &(i), (n), (previous), (seen), &(kept), &(b))
#else
#define READER_QUADS(p, i, n, previous, seen, kept, b) 0
#endif

/* Scan the line that starts at text[start]. */
static void
reader_scan(const Reader *r, Py_ssize_t start, ReaderScan *s)
{
    Py_UCS4 seen = 0, kept = 0;
    Py_ssize_t a, b;
    int tail = 0, odd = 0;
    s->start = start;
    if (r->kind == PyUnicode_1BYTE_KIND)
        READER_SCAN(Py_UCS1);
    else if (r->kind == PyUnicode_2BYTE_KIND)
        READER_SCAN(Py_UCS2);
    else
        READER_SCAN(Py_UCS4);
    s->a = a;
    s->b = b;
    s->bits = kept & READER_BITS;
    s->tail = tail;
    s->squash = (kept & READER_SQUASH) != 0;
    s->quote = (kept & READER_QUOTE) != 0;
    /* When the stripped text is empty, every character went through the first loop. */
    s->blank = a == b && !odd;
}
#undef READER_SCAN

/* The bitwise or of the characters of text[a:b] (see ReaderScan). */
static Py_UCS4
reader_bits(const Reader *r, Py_ssize_t a, Py_ssize_t b)
{
    Py_UCS4 bits = 0;
    for (Py_ssize_t i = a; i < b; i++)
        bits |= RD(r, i);
    return bits;
}

/* text[a:b], whose characters or to `bits`, copied (narrowed when its largest character
 * needs a smaller kind than the text's). */
static PyObject *
reader_substring(const Reader *r, Py_ssize_t a, Py_ssize_t b, Py_UCS4 bits)
{
    Py_ssize_t size = b - a;
    PyObject *result = PyUnicode_New(size, bits < 0x10000 ? bits : 0x10ffff);
    if (result == NULL || size == 0)
        return result;
    int kind = PyUnicode_KIND(result);
    void *out = PyUnicode_DATA(result);
    if (kind == r->kind)
        memcpy(out, (const char *)r->data + a * kind, (size_t)(size * kind));
    else if (kind == PyUnicode_1BYTE_KIND && r->kind == PyUnicode_2BYTE_KIND)
        for (Py_ssize_t i = 0; i < size; i++)
            ((Py_UCS1 *)out)[i] = (Py_UCS1)((const Py_UCS2 *)r->data)[a + i];
    else if (kind == PyUnicode_1BYTE_KIND)
        for (Py_ssize_t i = 0; i < size; i++)
            ((Py_UCS1 *)out)[i] = (Py_UCS1)((const Py_UCS4 *)r->data)[a + i];
    else
        for (Py_ssize_t i = 0; i < size; i++)
            ((Py_UCS2 *)out)[i] = (Py_UCS2)((const Py_UCS4 *)r->data)[a + i];
    return result;
}

/* ---------------------------------------------------------------- squashing */

/* _SPACES.sub(" ", text[a:b]) (bits as for reader_substring); `maybe` is false when
 * text[a:b] is known to hold no run that _SPACES changes. The regex replaces a run of two
 * or more of its spaces, or one that is not a plain space, by one plain space (its first
 * branch takes a whole run, being greedy): so every maximal run of them becomes one plain
 * space. */
static PyObject *
reader_squash_range(const Reader *r, Py_ssize_t a, Py_ssize_t b, Py_UCS4 bits, int maybe)
{
    Py_ssize_t i = b;
    if (maybe)
        for (i = a; i < b; i++) {
            Py_UCS4 c = RD(r, i);
            if (reader_is_squashed(c)
                && (c != ' ' || (i + 1 < b && reader_is_squashed(RD(r, i + 1)))))
                break;
        }
    if (i == b) /* no run to change: a plain space alone is replaced by itself */
        return reader_substring(r, a, b, bits);
    Py_UCS4 small[256];
    small[0] = 0;
    Py_ssize_t size = b - a;
    Py_UCS4 *out = size <= 256 ? small : PyMem_Malloc((size_t)size * sizeof(Py_UCS4));
    if (out == NULL)
        return PyErr_NoMemory();
    Py_ssize_t len = 0;
    int in_run = 0;
    for (i = a; i < b; i++) {
        Py_UCS4 c = RD(r, i);
        if (reader_is_squashed(c)) {
            if (!in_run)
                out[len++] = ' ';
            in_run = 1;
        }
        else {
            out[len++] = c;
            in_run = 0;
        }
    }
    PyObject *result = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, out, len);
    if (out != small)
        PyMem_Free(out);
    return result;
}

/* squash(text[start:end]), the Python _squash, checked to return a str. */
static PyObject *
reader_call_squash(const Reader *r, Py_ssize_t start, Py_ssize_t end)
{
    PyObject *raw = PyUnicode_Substring(r->text, start, end);
    if (raw == NULL)
        return NULL;
    PyObject *result = PyObject_CallOneArg(r->squash, raw);
    Py_DECREF(raw);
    if (result != NULL && !PyUnicode_CheckExact(result)) {
        Py_DECREF(result);
        PyErr_SetString(PyExc_TypeError, "text_blocks(): squash returned no str");
        return NULL;
    }
    return result;
}

/* ---------------------------------------------------------------- lines */

/* _BULLET_ITEM.match(text[start:end]): ^[ \t]*(?:[*\-+•·▪◦‣]|\d{1,3}[.)])[ \t]+(?=\S) and
 * the item. Sets *item to where the item (group 1) starts. Backtracking finds no other
 * match: a shorter run of digits is followed by a digit, not [.)], and a shorter run of
 * [ \t] by a space, not \S. (\d is Py_UNICODE_ISDECIMAL, \S not Py_UNICODE_ISSPACE.) */
static int
reader_bullet(const Reader *r, Py_ssize_t start, Py_ssize_t end, Py_ssize_t *item)
{
    Py_ssize_t i = start;
    while (i < end && (RD(r, i) == ' ' || RD(r, i) == '\t'))
        i++;
    if (i >= end)
        return 0;
    Py_UCS4 c = RD(r, i);
    if (reader_is_bullet(c))
        i++;
    else if (Py_UNICODE_ISDECIMAL(c)) {
        Py_ssize_t digits = i;
        while (i < end && Py_UNICODE_ISDECIMAL(RD(r, i)))
            i++;
        if (i - digits > 3 || i >= end || (RD(r, i) != '.' && RD(r, i) != ')'))
            return 0;
        i++;
    }
    else
        return 0;
    Py_ssize_t gap = i;
    while (i < end && (RD(r, i) == ' ' || RD(r, i) == '\t'))
        i++;
    if (i == gap || i >= end || Py_UNICODE_ISSPACE(RD(r, i)))
        return 0;
    *item = i;
    return 1;
}

/* A classified line: its text, kind and level (new references). */
typedef struct {
    PyObject *text, *kind, *level;
} ReaderLine;

static void
reader_line_clear(ReaderLine *line)
{
    Py_CLEAR(line->text);
    Py_CLEAR(line->kind);
    Py_CLEAR(line->level);
}

/* The text of a line that is no list item (_squash_stripped of the line when `stripped`,
 * else _squash of the line), kind `kind`, level 0. Without a no-break space or NEL in the
 * line (or, for _squash_stripped, with an ASCII stripped text) both are _SPACES.sub of the
 * stripped text: their conditions only skip a sub that changes nothing, and squashing and
 * stripping commute (no run of squashed spaces, all white space, crosses the ends of the
 * stripped text). Otherwise the squash callback (_squash) reads the line. */
static int
reader_plain_line(const Reader *r, const ReaderScan *s, int stripped, PyObject *kind,
                  ReaderLine *line)
{
    if (!s->tail || (stripped && s->bits < 128))
        line->text = reader_squash_range(r, s->a, s->b, s->bits, s->squash);
    else
        line->text = reader_call_squash(r, s->start, s->end);
    if (line->text == NULL)
        return -1;
    line->kind = Py_NewRef(kind);
    line->level = Py_NewRef(reader_zero);
    return 0;
}

/* _classify_line(raw) for a line whose stripped text starts with a marker. Returns 1 for
 * a bullet or numbered item (a list item), 0 for any other line, -1 after an error.
 * A quote or heading needs a '>' or '#' first: those lines, and only those, are
 * classified by the classify_line callback. Otherwise the line is a list item when
 * _BULLET_ITEM matches, its text _squash_stripped(raw[item:], item) (the item is
 * raw[item:].strip(): it runs from a character that is not white space to the last one),
 * else a paragraph, its text _squash(raw). */
static int
reader_marker_line(Reader *r, const ReaderScan *s, ReaderLine *line)
{
    Py_UCS4 first = RD(r, s->a);
    Py_ssize_t item;
    if (first != '#' && first != '>') {
        if (!reader_bullet(r, s->start, s->end, &item))
            return reader_plain_line(r, s, 0, reader_paragraph, line);
        /* raw[:item] is [ \t], the bullet or digits and [.)], and [ \t]: no no-break space
         * or NEL. */
        Py_UCS4 bits = s->bits < 128 ? s->bits : reader_bits(r, item, s->b);
        if (!s->tail || bits < 128)
            line->text = reader_squash_range(r, item, s->b, bits, s->squash);
        else
            line->text = reader_call_squash(r, item, s->end);
        if (line->text == NULL)
            return -1;
        line->kind = Py_NewRef(reader_list_item);
        line->level = Py_NewRef(reader_zero);
        return 1;
    }
    PyObject *raw = PyUnicode_Substring(r->text, s->start, s->end);
    if (raw == NULL)
        return -1;
    PyObject *result = PyObject_CallOneArg(r->classify_line, raw);
    Py_DECREF(raw);
    if (result == NULL)
        return -1;
    if (!PyTuple_Check(result) || PyTuple_GET_SIZE(result) < 3
        || !PyUnicode_CheckExact(PyTuple_GET_ITEM(result, 0))
        || !PyUnicode_CheckExact(PyTuple_GET_ITEM(result, 1))
        || !PyLong_CheckExact(PyTuple_GET_ITEM(result, 2))) {
        Py_DECREF(result);
        PyErr_SetString(PyExc_TypeError,
                        "text_blocks(): classify_line returned no (text, kind, level, width)");
        return -1;
    }
    line->text = Py_NewRef(PyTuple_GET_ITEM(result, 0));
    line->kind = Py_NewRef(PyTuple_GET_ITEM(result, 1));
    line->level = Py_NewRef(PyTuple_GET_ITEM(result, 2));
    Py_DECREF(result);
    return 0;
}

/* Whether a kind (a str) is "paragraph"; -1 after an error. */
static int
reader_is_paragraph(PyObject *kind)
{
    if (kind == reader_paragraph)
        return 1;
    int result = PyUnicode_Compare(kind, reader_paragraph);
    if (result == -1 && PyErr_Occurred())
        return -1;
    return result == 0;
}

/* Append the block of a classified line (taking its references) unless its text is
 * empty; counts as the paragraph's first block when *first is set, and clears it. */
static int
reader_add_line(Reader *r, ReaderLine *line, int *first)
{
    int result = 0;
    if (PyUnicode_GET_LENGTH(line->text) > 0) {
        result = reader_add(r, line->text, line->kind, line->level, 1, *first);
        line->text = NULL;
        *first = 0;
    }
    reader_line_clear(line);
    return result;
}

/* ---------------------------------------------------------------- paragraphs */

/* Call back paragraph_blocks or wrapped_blocks with the paragraph's lines
 * (chunk.split("\n")) and a position. */
static PyObject *
reader_call_chunk(const Reader *r, PyObject *callback, const ReaderScan *scans,
                  Py_ssize_t count, Py_ssize_t position)
{
    PyObject *raws = PyList_New(count);
    if (raws == NULL)
        return NULL;
    for (Py_ssize_t k = 0; k < count; k++) {
        PyObject *raw = PyUnicode_Substring(r->text, scans[k].start, scans[k].end);
        if (raw == NULL) {
            Py_DECREF(raws);
            return NULL;
        }
        PyList_SET_ITEM(raws, k, raw);
    }
    PyObject *where = PyLong_FromSsize_t(position);
    if (where == NULL) {
        Py_DECREF(raws);
        return NULL;
    }
    PyObject *call_args[2] = {raws, where};
    PyObject *result = PyObject_Vectorcall(callback, call_args, 2, NULL);
    Py_DECREF(raws);
    Py_DECREF(where);
    return result;
}

/* A paragraph of one line: _fast_blocks's first branch. */
static int
reader_one_line(Reader *r, const ReaderScan *s)
{
    ReaderLine line = {NULL, NULL, NULL};
    int first = 1;
    if (s->a < s->b && reader_is_marker(RD(r, s->a))) {
        if (reader_marker_line(r, s, &line) < 0)
            return -1;
    }
    else if (reader_plain_line(r, s, 1, reader_paragraph, &line) < 0)
        return -1;
    return reader_add_line(r, &line, &first);
}

/* A paragraph of two lines or more that is not read the general way: _fast_blocks's
 * loop, one block per line, then wrapped_blocks when the widths may be those of wrapped
 * prose. */
static int
reader_lines(Reader *r, const ReaderScan *scans, Py_ssize_t count)
{
    Py_ssize_t start = PyList_GET_SIZE(r->blocks), start_position = r->position;
    int first = 1, prose = 1;
    Py_ssize_t widest = 0, previous = READER_NO_WIDTH, cut = READER_NO_WIDTH;
    for (Py_ssize_t k = 0; k < count; k++) {
        const ReaderScan *s = &scans[k];
        Py_ssize_t width = s->b - s->a;
        if (width > widest)
            widest = width;
        ReaderLine line = {NULL, NULL, NULL};
        if (s->a == s->b || !reader_is_marker(RD(r, s->a))) {
            if (previous < cut)
                cut = previous;
            if (reader_plain_line(r, s, 1, reader_line, &line) < 0)
                return -1;
        }
        else {
            int bullet = reader_marker_line(r, s, &line);
            if (bullet < 0)
                return -1;
            if (!bullet) {
                int paragraph = reader_is_paragraph(line.kind);
                if (paragraph < 0) {
                    reader_line_clear(&line);
                    return -1;
                }
                if (paragraph) {
                    if (previous < cut)
                        cut = previous;
                    Py_SETREF(line.kind, Py_NewRef(reader_line));
                }
                else
                    prose = 0;
            }
        }
        previous = width;
        if (reader_add_line(r, &line, &first) < 0)
            return -1;
    }
    /* _WRAP_SHARE * widest <= cut, in integers (0.75 * widest is exact in a double). */
    if (!(prose && widest >= READER_WRAP_MIN_WIDTH && widest <= READER_WRAP_MAX_WIDTH
          && 4 * cut >= 3 * widest && cut <= widest))
        return 0;
    PyObject *merged = reader_call_chunk(r, r->wrapped_blocks, scans, count, start_position);
    if (merged == NULL)
        return -1;
    if (merged == Py_None) {
        Py_DECREF(merged);
        return 0;
    }
    if (PyList_SetSlice(r->blocks, start, PY_SSIZE_T_MAX, NULL) < 0) {
        Py_DECREF(merged);
        return -1;
    }
    r->position = start_position;
    return reader_extend(r, merged);
}

/* One paragraph, the `count` lines of `scans`. It is read the general way (the
 * paragraph_blocks callback) when it holds a '>' (quotes to join), or its second line,
 * left-stripped, is empty or starts with '=' or '-' (a setext underline maybe). */
static int
reader_chunk(Reader *r, const ReaderScan *scans, Py_ssize_t count)
{
    if (count == 1)
        return reader_one_line(r, &scans[0]);
    int general = scans[1].a == scans[1].b || RD(r, scans[1].a) == '=' || RD(r, scans[1].a) == '-';
    for (Py_ssize_t k = 0; k < count && !general; k++)
        general = scans[k].quote;
    if (general)
        return reader_extend(
            r, reader_call_chunk(r, r->paragraph_blocks, scans, count, r->position));
    return reader_lines(r, scans, count);
}

/* text_blocks(text, block_type, classify_line, squash, paragraph_blocks, wrapped_blocks)
 * -> list: _fast_blocks(text) (see the top of this file). */
static PyObject *
reader_text_blocks(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 6 || !PyUnicode_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError,
                        "text_blocks(text: str, block_type, classify_line, squash, "
                        "paragraph_blocks, wrapped_blocks)");
        return NULL;
    }
    if (reader_init_constants() < 0)
        return NULL;
    Reader r;
    r.text = args[0];
    r.kind = PyUnicode_KIND(r.text);
    r.data = PyUnicode_DATA(r.text);
    r.n = PyUnicode_GET_LENGTH(r.text);
    r.classify_line = args[2];
    r.squash = args[3];
    r.paragraph_blocks = args[4];
    r.wrapped_blocks = args[5];
    r.position = 0;
    if (reader_offsets(&r, args[1]) < 0)
        return NULL;
    r.blocks = PyList_New(0);
    if (r.blocks == NULL)
        return NULL;
    /* The paragraphs _PARAGRAPH_BREAK.split(f"\n\n{text}\n\n") gives, less the empty ones:
     * the maximal runs of lines that are not blank, each joined by its line breaks. (A match
     * starts at a line break followed by a blank line and its line break, and takes all the
     * blank lines after; the padding puts such a match before the text's first line and
     * after its last.) */
    ReaderScan small[64];
    ReaderScan *scans = small;
    Py_ssize_t count = 0, capacity = 64, start = 0;
    for (;;) {
        if (count == capacity) {
            ReaderScan *grown = PyMem_Malloc((size_t)(2 * capacity) * sizeof(ReaderScan));
            if (grown == NULL) {
                PyErr_NoMemory();
                goto fail;
            }
            memcpy(grown, scans, (size_t)count * sizeof(ReaderScan));
            if (scans != small)
                PyMem_Free(scans);
            scans = grown;
            capacity *= 2;
        }
        reader_scan(&r, start, &scans[count]);
        Py_ssize_t end = scans[count].end;
        if (!scans[count].blank)
            count++;
        else if (count > 0) {
            if (reader_chunk(&r, scans, count) < 0)
                goto fail;
            count = 0;
        }
        if (end >= r.n)
            break;
        start = end + 1;
    }
    if (count > 0 && reader_chunk(&r, scans, count) < 0)
        goto fail;
    if (scans != small)
        PyMem_Free(scans);
    return r.blocks;
fail:
    if (scans != small)
        PyMem_Free(scans);
    Py_DECREF(r.blocks);
    return NULL;
}

static PyMethodDef reader_methods[] = {
    {"text_blocks", (PyCFunction)(void (*)(void))reader_text_blocks, METH_FASTCALL,
     "readers.text._fast_blocks(text), calling back the given functions for rare lines."},
    {NULL, NULL, 0, NULL},
};
