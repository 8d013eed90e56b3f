/* newsclean._speedups: compiled versions of the hottest text measurements.
 *
 * Every function here has a pure-Python reference in newsclean.filters.shape (named in
 * its comment); the Python code calls the compiled one when this module is built and
 * falls back to the reference otherwise. tests/test_speedups.py checks that both agree,
 * under hypothesis, on any str. Where a function returns None, the caller takes the
 * reference path.
 *
 * Nothing here raises on a str argument; memory errors propagate as MemoryError.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

/* ---------------------------------------------------------------- characters */

/* A text to read: a str, lower-cased on the fly when it is ASCII (case folding an ASCII
 * letter is lowering it), read as it is otherwise (the caller passes it case-folded). */
typedef struct {
    int kind;
    const void *data;
    Py_ssize_t n;
    int ascii;
} Src;

static unsigned char lower[128];

static void
init_tables(void)
{
    for (int c = 0; c < 128; c++)
        lower[c] = (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : (unsigned char)c;
}

static inline void
src_init(Src *src, PyObject *text)
{
    src->kind = PyUnicode_KIND(text);
    src->data = PyUnicode_DATA(text);
    src->n = PyUnicode_GET_LENGTH(text);
    src->ascii = PyUnicode_IS_ASCII(text);
}

static inline Py_UCS4
src_at(const Src *src, Py_ssize_t i)
{
    Py_UCS4 c = PyUnicode_READ(src->kind, src->data, i);
    return src->ascii ? lower[c] : c;
}

/* What the regex classes and str methods test, character by character:
 * str.split() and \s: Py_UNICODE_ISSPACE; \w: Py_UNICODE_ISALNUM or '_'; \d:
 * Py_UNICODE_ISDECIMAL; str.isalpha: Py_UNICODE_ISALPHA. */
static inline int
is_key_char(Py_UCS4 c, int digits)
{
    /* comparison_key keeps what [\W_]+ does not match: \w less '_'. lexicon_key keeps
     * what [\W\d_]+ does not match: \w less \d and '_'. The ASCII ones are the letters
     * and digits (without calls to the Unicode tables). */
    if (c < 128)
        return ((c | 32) - 'a') < 26 || (digits && c - '0' < 10);
    /* \w is isalnum: isalpha, isdecimal, isdigit or isnumeric; no letter is a \d. */
    if (Py_UNICODE_ISALPHA(c))
        return 1;
    if (Py_UNICODE_ISDECIMAL(c))
        return digits;
    return Py_UNICODE_ISDIGIT(c) || Py_UNICODE_ISNUMERIC(c);
}

/* Py_UNICODE_ISSPACE (str.split(), \s), without a call for most characters: below U+1680
 * only ASCII white space, U+0085 and U+00A0 are white space (the tests check all of
 * Unicode). */
static inline int
is_space(Py_UCS4 c)
{
    if (c < 0x1680)
        return c < 128 ? Py_UNICODE_ISSPACE(c) : c == 0x85 || c == 0xa0;
    return Py_UNICODE_ISSPACE(c);
}

/* ---------------------------------------------------------------- WordSet */

/* A set of words (str), looked up by the characters of a token of a Src. */
#define MAX_WORD 64

typedef struct {
    PyObject *word; /* a str, or NULL for an empty slot */
    Py_hash_t hash;
} WordSlot;

typedef struct {
    PyObject_HEAD
    WordSlot *slots;
    Py_ssize_t mask; /* number of slots - 1 (a power of two minus one) */
    Py_ssize_t size;
} WordSetObject;

#define FNV_START 1469598103934665603ULL
#define FNV_PRIME 1099511628211ULL

/* The slot of the stored word equal to the characters start..start+len of src, whose
 * hash is h64 (see token_hash), or -1. */
static Py_ssize_t
wordset_probe(const WordSetObject *set, const Src *src, Py_ssize_t start, Py_ssize_t len,
              uint64_t h64)
{
    Py_hash_t h = (Py_hash_t)(h64 >> 1);
    Py_ssize_t i = (Py_ssize_t)h & set->mask;
    for (;;) {
        const WordSlot *slot = &set->slots[i];
        if (slot->word == NULL)
            return -1;
        if (slot->hash == h && PyUnicode_GET_LENGTH(slot->word) == len) {
            int kind = PyUnicode_KIND(slot->word);
            const void *data = PyUnicode_DATA(slot->word);
            Py_ssize_t k = 0;
            while (k < len && PyUnicode_READ(kind, data, k) == src_at(src, start + k))
                k++;
            if (k == len)
                return i;
        }
        i = (i + 1) & set->mask;
    }
}

/* FNV-1a over the characters (of src as src_at reads them); only used inside WordSet. */
static uint64_t
token_hash(const Src *src, Py_ssize_t start, Py_ssize_t len)
{
    uint64_t h = FNV_START;
    for (Py_ssize_t k = 0; k < len; k++) {
        h ^= src_at(src, start + k);
        h *= FNV_PRIME;
    }
    return h;
}

/* The slot of the stored word equal to the characters start..start+len of src, or -1. */
static Py_ssize_t
wordset_slot(const WordSetObject *set, const Src *src, Py_ssize_t start, Py_ssize_t len)
{
    return wordset_probe(set, src, start, len, token_hash(src, start, len));
}

/* The next token of src (as str.split() gives them) from *pos on: sets *start, *len and
 * *hash (token_hash of the token) and moves *pos past it; 0 when there is none. One pass
 * over the characters; ASCII text is read byte by byte. */
static inline int
next_token(const Src *src, Py_ssize_t *pos, Py_ssize_t *start, Py_ssize_t *len, uint64_t *hash)
{
    Py_ssize_t i = *pos, n = src->n;
    uint64_t h = FNV_START;
    if (src->ascii) {
        const unsigned char *p = (const unsigned char *)src->data;
        while (i < n && Py_UNICODE_ISSPACE(p[i]))
            i++;
        if (i >= n)
            return 0;
        *start = i;
        while (i < n && !Py_UNICODE_ISSPACE(p[i])) {
            h ^= lower[p[i]];
            h *= FNV_PRIME;
            i++;
        }
    }
    else {
        while (i < n && is_space(PyUnicode_READ(src->kind, src->data, i)))
            i++;
        if (i >= n)
            return 0;
        *start = i;
        Py_UCS4 c;
        while (i < n && !is_space(c = PyUnicode_READ(src->kind, src->data, i))) {
            h ^= c;
            h *= FNV_PRIME;
            i++;
        }
    }
    *len = i - *start;
    *hash = h;
    *pos = i;
    return 1;
}

/* The stored word equal to the characters start..start+len of src, or NULL. */
static PyObject *
wordset_find(const WordSetObject *set, const Src *src, Py_ssize_t start, Py_ssize_t len)
{
    Py_ssize_t slot = wordset_slot(set, src, start, len);
    return slot < 0 ? NULL : set->slots[slot].word;
}

static int
wordset_init(WordSetObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *words;
    static char *kwlist[] = {"words", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:WordSet", kwlist, &words))
        return -1;
    if (self->slots != NULL) {
        PyErr_SetString(PyExc_TypeError, "WordSet is already initialized");
        return -1;
    }
    PyObject *seq = PySequence_Fast(words, "WordSet() needs an iterable of str");
    if (seq == NULL)
        return -1;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    Py_ssize_t capacity = 8;
    while (capacity < 2 * n + 2)
        capacity *= 2;
    WordSlot *slots = PyMem_Calloc((size_t)capacity, sizeof(WordSlot));
    if (slots == NULL) {
        Py_DECREF(seq);
        PyErr_NoMemory();
        return -1;
    }
    self->slots = slots;
    self->mask = capacity - 1;
    self->size = 0;
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *word = PySequence_Fast_GET_ITEM(seq, k);
        if (!PyUnicode_Check(word)) {
            Py_DECREF(seq);
            PyErr_SetString(PyExc_TypeError, "WordSet() needs str words");
            return -1;
        }
        Py_ssize_t len = PyUnicode_GET_LENGTH(word);
        if (len > MAX_WORD) {
            /* The lookups skip longer tokens without a look: refuse what they would miss. */
            Py_DECREF(seq);
            PyErr_SetString(PyExc_ValueError, "WordSet(): a word of over 64 characters");
            return -1;
        }
        Src src;
        src_init(&src, word);
        src.ascii = 0; /* stored as given: the lookups read case-folded tokens */
        if (wordset_find(self, &src, 0, len) != NULL)
            continue;
        Py_hash_t h = (Py_hash_t)(token_hash(&src, 0, len) >> 1);
        Py_ssize_t i = (Py_ssize_t)h & self->mask;
        while (self->slots[i].word != NULL)
            i = (i + 1) & self->mask;
        Py_INCREF(word);
        self->slots[i].word = word;
        self->slots[i].hash = h;
        self->size++;
    }
    Py_DECREF(seq);
    return 0;
}

static void
wordset_dealloc(WordSetObject *self)
{
    if (self->slots != NULL) {
        for (Py_ssize_t i = 0; i <= self->mask; i++)
            Py_XDECREF(self->slots[i].word);
        PyMem_Free(self->slots);
    }
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static Py_ssize_t
wordset_len(WordSetObject *self)
{
    return self->size;
}

static PySequenceMethods wordset_as_sequence = {
    .sq_length = (lenfunc)wordset_len,
};

static PyTypeObject WordSetType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "newsclean._speedups.WordSet",
    .tp_basicsize = sizeof(WordSetObject),
    .tp_dealloc = (destructor)wordset_dealloc,
    .tp_as_sequence = &wordset_as_sequence,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "A set of words (of at most 64 characters), for shape and guess_language.",
    .tp_init = (initproc)wordset_init,
    .tp_new = PyType_GenericNew,
};

/* ---------------------------------------------------------------- keys */

/* The str of the characters chars[0..len) (a new reference), whose bits together are
 * `bits` (so that the largest is below the first of 128, 256, 65536 or 0x110000 that
 * the bits are below): made in the kind of its largest character, as every str is. */
static PyObject *
str_of_chars(const Py_UCS4 *chars, Py_ssize_t len, Py_UCS4 bits)
{
    PyObject *result = PyUnicode_New(len, bits > 0xffff ? 0x10ffff : bits);
    if (result == NULL)
        return NULL;
    void *data = PyUnicode_DATA(result);
    switch (PyUnicode_KIND(result)) {
    case PyUnicode_1BYTE_KIND:
        for (Py_ssize_t i = 0; i < len; i++)
            ((Py_UCS1 *)data)[i] = (Py_UCS1)chars[i];
        break;
    case PyUnicode_2BYTE_KIND:
        for (Py_ssize_t i = 0; i < len; i++)
            ((Py_UCS2 *)data)[i] = (Py_UCS2)chars[i];
        break;
    default:
        memcpy(data, chars, (size_t)len * sizeof(Py_UCS4));
    }
    return result;
}

/* The runs of key characters of src (see is_key_char), joined by single spaces. */
static PyObject *
key_of(const Src *src, int digits)
{
    if (src->ascii) {
        /* ASCII text has an ASCII key: written byte by byte, then copied once. */
        const unsigned char *p = (const unsigned char *)src->data;
        unsigned char bytes[256];
        unsigned char *buffer = src->n + 1 <= 256 ? bytes : PyMem_Malloc((size_t)src->n + 1);
        if (buffer == NULL)
            return PyErr_NoMemory();
        Py_ssize_t size = 0;
        int inside = 0;
        for (Py_ssize_t i = 0; i < src->n; i++) {
            if (is_key_char(p[i], digits)) {
                if (!inside && size)
                    buffer[size++] = ' ';
                buffer[size++] = lower[p[i]];
                inside = 1;
            }
            else
                inside = 0;
        }
        PyObject *key = PyUnicode_New(size, 127);
        if (key != NULL)
            memcpy(PyUnicode_1BYTE_DATA(key), buffer, (size_t)size);
        if (buffer != bytes)
            PyMem_Free(buffer);
        return key;
    }
    Py_UCS4 small[256];
    small[0] = 0;
    Py_UCS4 *out = src->n <= 256 ? small : PyMem_Malloc((size_t)src->n * sizeof(Py_UCS4));
    if (out == NULL)
        return PyErr_NoMemory();
    Py_ssize_t len = 0;
    Py_UCS4 bits = 0;
    int in_word = 0;
    for (Py_ssize_t i = 0; i < src->n; i++) {
        Py_UCS4 c = src_at(src, i);
        if (is_key_char(c, digits)) {
            if (!in_word && len)
                out[len++] = ' ';
            out[len++] = c;
            bits |= c;
            in_word = 1;
        }
        else
            in_word = 0;
    }
    PyObject *result = str_of_chars(out, len, bits);
    if (out != small)
        PyMem_Free(out);
    return result;
}

/* words_key(folded, digits) -> str: shape.comparison_key (digits true) or shape.lexicon_key
 * (digits false) of a text, given it case-folded (ASCII text may be given as it is). */
static PyObject *
speedups_words_key(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 2 || !PyUnicode_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "words_key(folded: str, digits: bool)");
        return NULL;
    }
    int digits = PyObject_IsTrue(args[1]);
    if (digits < 0)
        return NULL;
    Src src;
    src_init(&src, args[0]);
    return key_of(&src, digits);
}

/* ---------------------------------------------------------------- shape */

#define PROSE_MIN_WORDS 6
#define LONG_MIN_WORDS 20
#define MIN_STOP_SHARE 0.08

/* shape_from's _CJK pattern: a text with these counts its words otherwise. */
static inline int
is_cjk(Py_UCS4 c)
{
    if (c < 0x3040)
        return 0; /* most characters */
    return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf)
           || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af)
           || (c >= 0xf900 && c <= 0xfaff);
}

static inline int
is_terminal(Py_UCS4 c)
{
    /* shape._TERMINAL: . ! ? 。 ！ ？ … " ” ’ » 」 』 */
    switch (c) {
    case '.': case '!': case '?': case 0x3002: case 0xff01: case 0xff1f: case 0x2026:
    case '"': case 0x201d: case 0x2019: case 0xbb: case 0x300d: case 0x300f:
        return 1;
    default:
        return 0;
    }
}

static inline int
ends_sentence_mark(Py_UCS4 c)
{
    /* The second branch of shape._INNER_PUNCT: [.!?。！？] before white space. */
    return c == '.' || c == '!' || c == '?' || c == 0x3002 || c == 0xff01 || c == 0xff1f;
}

/* Make a tuple of `shape_type` (a tuple subclass such as a named tuple) from n new refs. */
static PyObject *
make_tuple(PyTypeObject *type, PyObject **items, Py_ssize_t n)
{
    for (Py_ssize_t k = 0; k < n; k++)
        if (items[k] == NULL)
            goto fail;
    PyObject *result = type->tp_alloc(type, n);
    if (result == NULL)
        goto fail;
    if (!PyTuple_Check(result) || PyTuple_GET_SIZE(result) != n) {
        Py_DECREF(result);
        PyErr_SetString(PyExc_TypeError, "shape_type must be a tuple type");
        goto fail;
    }
    for (Py_ssize_t k = 0; k < n; k++)
        PyTuple_SET_ITEM(result, k, items[k]);
    return result;
fail:
    for (Py_ssize_t k = 0; k < n; k++)
        Py_XDECREF(items[k]);
    return NULL;
}

/* shape(shape_type, text, folded, stopwords, keyed_chars) -> Shape
 *
 * shape.shape_from(text, folded, folded.split(), stopwords) (stopwords a WordSet of the
 * stop-word list, or None), built as `shape_type` (the Shape named tuple). `folded` is
 * text.casefold(); for ASCII text it is not read (pass the text itself). */
static PyObject *
speedups_shape(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 5 || !PyType_Check(args[0]) || !PyUnicode_Check(args[1])
        || !PyUnicode_Check(args[2])
        || !(args[3] == Py_None || PyObject_TypeCheck(args[3], &WordSetType))
        || !PyLong_Check(args[4])) {
        PyErr_SetString(PyExc_TypeError,
                        "shape(shape_type, text: str, folded: str, stopwords: WordSet | None, "
                        "keyed_chars: int)");
        return NULL;
    }
    PyTypeObject *shape_type = (PyTypeObject *)args[0];
    PyObject *text = args[1];
    const WordSetObject *stopwords = args[3] == Py_None ? NULL : (WordSetObject *)args[3];
    Py_ssize_t keyed = PyLong_AsSsize_t(args[4]);
    if (keyed == -1 && PyErr_Occurred())
        return NULL;
    Src raw; /* the text as it is */
    src_init(&raw, text);
    raw.ascii = 0;
    Src src; /* the text case-folded */
    src_init(&src, PyUnicode_IS_ASCII(text) ? text : args[2]);
    Py_ssize_t n = raw.n;
    /* Text with CJK characters has at least as many words as runs of \w (_WORD) and as
     * half its CJK characters. */
    Py_ssize_t cjk = 0, runs = 0;
    if (raw.kind != PyUnicode_1BYTE_KIND) { /* (no CJK character is below 256) */
        for (Py_ssize_t i = 0; i < n; i++)
            cjk += is_cjk(PyUnicode_READ(raw.kind, raw.data, i));
        int in_run = 0;
        for (Py_ssize_t i = 0; i < n && cjk; i++) {
            Py_UCS4 c = PyUnicode_READ(raw.kind, raw.data, i);
            int word = Py_UNICODE_ISALNUM(c) || c == '_';
            runs += word && !in_run;
            in_run = word;
        }
    }

    /* Tokens (str.split() of the case-folded text) and their stop words. */
    Py_ssize_t words = 0, stops = 0;
    Py_ssize_t pos = 0, start, len;
    uint64_t hash;
    while (next_token(&src, &pos, &start, &len, &hash)) {
        words++;
        /* A longer token is no member: WordSet refuses words of over MAX_WORD. */
        if (stopwords != NULL && len <= MAX_WORD
            && wordset_probe(stopwords, &src, start, len, hash) >= 0)
            stops++;
    }
    Py_ssize_t tokens = words; /* the stop-word share is of the tokens */
    if (runs > words)
        words = runs;
    if (cjk / 2 > words)
        words = cjk / 2;
    int terminal = 0;
    if (n > 0) {
        Py_UCS4 last = PyUnicode_READ(raw.kind, raw.data, n - 1);
        int teaser = last == 0x2026
                     || (n >= 3 && last == '.' && PyUnicode_READ(raw.kind, raw.data, n - 2) == '.'
                         && PyUnicode_READ(raw.kind, raw.data, n - 3) == '.');
        terminal = is_terminal(last) && !teaser;
    }
    int have_share = stopwords != NULL && tokens > 0;
    double share = have_share ? (double)stops / (double)tokens : 0.0;
    int prose;
    if (have_share && words >= PROSE_MIN_WORDS && share < MIN_STOP_SHARE)
        prose = 0;
    else if (terminal && words >= PROSE_MIN_WORDS)
        prose = 1;
    else if (words >= LONG_MIN_WORDS) {
        /* shape._INNER_PUNCT ([,;:] or [.!?。！？] before white space), at least twice. */
        Py_ssize_t marks = 0;
        for (Py_ssize_t k = 0; k < n && marks < 2; k++) {
            Py_UCS4 c = PyUnicode_READ(raw.kind, raw.data, k);
            if (c == ',' || c == ';' || c == ':')
                marks++;
            else if (ends_sentence_mark(c) && k + 1 < n
                     && Py_UNICODE_ISSPACE(PyUnicode_READ(raw.kind, raw.data, k + 1)))
                marks++;
        }
        prose = marks >= 2;
    }
    else
        prose = 0;
    PyObject *items[6];
    items[0] = PyLong_FromSsize_t(words);
    items[1] = PyLong_FromSsize_t(n);
    items[2] = Py_NewRef(terminal ? Py_True : Py_False);
    items[3] = have_share ? PyFloat_FromDouble(share) : Py_NewRef(Py_None);
    items[4] = Py_NewRef(prose ? Py_True : Py_False);
    items[5] = n <= keyed ? key_of(&src, 0) : PyUnicode_New(0, 0);
    return make_tuple(shape_type, items, 6);
}

/* ---------------------------------------------------------------- Phrases */

/* A trie of phrases (code points). Matching at a position follows the text down the trie
 * and stops at the first node that ends a phrase: the shortest phrase that starts there,
 * as the regex of shape._trie_pattern does. */
typedef struct {
    Py_UCS4 ch;
    int child;
} Edge;

typedef struct {
    int first_edge; /* index into edges */
    int edge_count;
    int phrase; /* -1 when no phrase ends here */
} Node;

typedef struct {
    PyObject_HEAD
    Node *nodes;
    int node_count;
    Edge *edges;
    int edge_count;
    int phrase_count;
    int root_ascii[128]; /* the root's child for an ASCII character, or 0 (none) */
    /* Bit b of root_pairs[a] is set when a phrase starts with the ASCII characters a and b,
     * or a alone is a phrase: a scan goes down the trie only at such pairs. */
    unsigned char root_pairs[128][16];
    /* Bit c % 64 is set for the other characters c that start a phrase. */
    uint64_t root_wide;
    /* Bit pair_hash(a, b) is set when a phrase starts with a and b; bit a % 64 of
     * wide_alone when a alone is a phrase (for pairs with a character other than ASCII). */
    unsigned char wide_pairs[512];
    uint64_t wide_alone;
} PhrasesObject;

static inline unsigned
pair_hash(Py_UCS4 a, Py_UCS4 b)
{
    return (a * 31u + b) % 4096u;
}

/* A trie under construction: per node, a growable list of edges. */
typedef struct {
    Py_UCS4 *chars;
    int *children;
    int count, capacity;
    int phrase;
} BuildNode;

static int
phrases_init(PhrasesObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *phrases;
    static char *kwlist[] = {"phrases", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:Phrases", kwlist, &phrases))
        return -1;
    if (self->nodes != NULL) {
        PyErr_SetString(PyExc_TypeError, "Phrases is already initialized");
        return -1;
    }
    PyObject *seq = PySequence_Fast(phrases, "Phrases() needs an iterable of str");
    if (seq == NULL)
        return -1;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    Py_ssize_t total = 1;
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *phrase = PySequence_Fast_GET_ITEM(seq, k);
        if (!PyUnicode_Check(phrase)) {
            Py_DECREF(seq);
            PyErr_SetString(PyExc_TypeError, "Phrases() needs str phrases");
            return -1;
        }
        total += PyUnicode_GET_LENGTH(phrase);
    }
    if (total > 1000000) {
        Py_DECREF(seq);
        PyErr_SetString(PyExc_ValueError, "Phrases(): too many characters");
        return -1;
    }
    BuildNode *build = PyMem_Calloc((size_t)total, sizeof(BuildNode));
    if (build == NULL) {
        Py_DECREF(seq);
        PyErr_NoMemory();
        return -1;
    }
    int nodes = 1, edges = 0, phrase_ids = 0;
    build[0].phrase = -1;
    int failed = 0;
    for (Py_ssize_t k = 0; k < n && !failed; k++) {
        PyObject *phrase = PySequence_Fast_GET_ITEM(seq, k);
        Py_ssize_t len = PyUnicode_GET_LENGTH(phrase);
        if (len == 0)
            continue;
        int kind = PyUnicode_KIND(phrase);
        const void *data = PyUnicode_DATA(phrase);
        int node = 0;
        for (Py_ssize_t j = 0; j < len; j++) {
            Py_UCS4 ch = PyUnicode_READ(kind, data, j);
            BuildNode *b = &build[node];
            int next = -1;
            for (int e = 0; e < b->count; e++)
                if (b->chars[e] == ch) {
                    next = b->children[e];
                    break;
                }
            if (next < 0) {
                if (b->count == b->capacity) {
                    int capacity = b->capacity ? 2 * b->capacity : 4;
                    Py_UCS4 *chars = PyMem_Realloc(b->chars, (size_t)capacity * sizeof(Py_UCS4));
                    if (chars == NULL) {
                        failed = 1;
                        break;
                    }
                    b->chars = chars;
                    int *children = PyMem_Realloc(b->children, (size_t)capacity * sizeof(int));
                    if (children == NULL) {
                        failed = 1;
                        break;
                    }
                    b->children = children;
                    b->capacity = capacity;
                }
                next = nodes++;
                build[next].phrase = -1;
                b->chars[b->count] = ch;
                b->children[b->count] = next;
                b->count++;
                edges++;
            }
            node = next;
        }
        if (!failed && build[node].phrase < 0)
            build[node].phrase = phrase_ids++;
    }
    Py_DECREF(seq);
    if (!failed) {
        self->nodes = PyMem_Calloc((size_t)nodes, sizeof(Node));
        self->edges = PyMem_Calloc((size_t)(edges ? edges : 1), sizeof(Edge));
        if (self->nodes == NULL || self->edges == NULL)
            failed = 1;
    }
    if (!failed) {
        int e = 0;
        for (int k = 0; k < nodes; k++) {
            self->nodes[k].first_edge = e;
            self->nodes[k].edge_count = build[k].count;
            self->nodes[k].phrase = build[k].phrase;
            for (int j = 0; j < build[k].count; j++) {
                self->edges[e].ch = build[k].chars[j];
                self->edges[e].child = build[k].children[j];
                e++;
            }
        }
        self->node_count = nodes;
        self->edge_count = edges;
        self->phrase_count = phrase_ids;
        memset(self->root_ascii, 0, sizeof(self->root_ascii));
        memset(self->root_pairs, 0, sizeof(self->root_pairs));
        self->root_wide = 0;
        memset(self->wide_pairs, 0, sizeof(self->wide_pairs));
        self->wide_alone = 0;
        for (int j = 0; j < build[0].count; j++) {
            Py_UCS4 first = build[0].chars[j];
            const BuildNode *child = &build[build[0].children[j]];
            for (int e = 0; e < child->count; e++) {
                unsigned h = pair_hash(first, child->chars[e]);
                self->wide_pairs[h / 8] |= 1 << (h % 8);
            }
            if (child->phrase >= 0)
                self->wide_alone |= (uint64_t)1 << (first % 64);
            if (first >= 128) {
                self->root_wide |= (uint64_t)1 << (first % 64);
                continue;
            }
            self->root_ascii[first] = build[0].children[j];
            if (child->phrase >= 0)
                memset(self->root_pairs[first], 0xff, sizeof(self->root_pairs[first]));
            for (int e = 0; e < child->count; e++)
                if (child->chars[e] < 128)
                    self->root_pairs[first][child->chars[e] >> 3] |= 1 << (child->chars[e] & 7);
        }
    }
    for (int k = 0; k < nodes; k++) {
        PyMem_Free(build[k].chars);
        PyMem_Free(build[k].children);
    }
    PyMem_Free(build);
    if (failed) {
        PyErr_NoMemory();
        return -1;
    }
    return 0;
}

static void
phrases_dealloc(PhrasesObject *self)
{
    PyMem_Free(self->nodes);
    PyMem_Free(self->edges);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static inline int
phrases_child(PhrasesObject *self, int node, Py_UCS4 ch)
{
    if (node == 0 && ch < 128)
        return self->root_ascii[ch];
    Node *nd = &self->nodes[node];
    Edge *edge = &self->edges[nd->first_edge];
    for (int e = 0; e < nd->edge_count; e++)
        if (edge[e].ch == ch)
            return edge[e].child;
    return 0;
}

/* How many different phrases the characters of src hold (read as src_at reads them: ASCII
 * text lowered), scanning as re.findall scans (a match resumes the scan at its end), or -1
 * (a memory error). shape.count_matches over ChromeLexicon.contains_pattern. */
static Py_ssize_t
phrases_distinct(PhrasesObject *self, const Src *src)
{
    Py_ssize_t n = src->n;
    int kind = src->kind;
    const void *data = src->data;
    unsigned char seen_small[256];
    unsigned char *seen = seen_small;
    if (self->phrase_count > 256) {
        seen = PyMem_Calloc((size_t)self->phrase_count, 1);
        if (seen == NULL) {
            PyErr_NoMemory();
            return -1;
        }
    }
    else
        memset(seen_small, 0, (size_t)self->phrase_count);
    Py_ssize_t distinct = 0;
    /* One loop per string kind, so that each reads its characters directly. */
#define PHRASES_SCAN(TYPE, AT)                                                           \
    do {                                                                                 \
        const TYPE *chars = (const TYPE *)data;                                          \
        Py_ssize_t i = 0;                                                                \
        while (i < n) {                                                                  \
            Py_UCS4 first = AT(i);                                                       \
            /* The common cases, with few branches: no phrase starts with these two      \
             * ASCII characters, or with this one (ASCII, last; or other). */            \
            if (i + 1 < n) {                                                             \
                Py_UCS4 second = AT(i + 1);                                              \
                if ((first | second) < 128                                               \
                        ? !(self->root_pairs[first][second >> 3] & (1 << (second & 7)))  \
                        : !(self->wide_pairs[pair_hash(first, second) / 8]               \
                            & (1 << (pair_hash(first, second) % 8)))                     \
                              && !((self->wide_alone >> (first % 64)) & 1)) {            \
                    i++;                                                                 \
                    continue;                                                            \
                }                                                                        \
            }                                                                            \
            else if (first < 128 && self->root_ascii[first] == 0)                        \
                break;                                                                   \
            if (first >= 128 && !((self->root_wide >> (first % 64)) & 1)) {              \
                i++;                                                                     \
                continue;                                                                \
            }                                                                            \
            int node = 0;                                                                \
            Py_ssize_t j = i;                                                            \
            int matched = -1;                                                            \
            while (j < n) {                                                              \
                node = phrases_child(self, node, AT(j));                                 \
                if (node == 0)                                                           \
                    break;                                                               \
                j++;                                                                     \
                if (self->nodes[node].phrase >= 0) {                                     \
                    matched = self->nodes[node].phrase;                                  \
                    break;                                                               \
                }                                                                        \
            }                                                                            \
            if (matched >= 0) {                                                          \
                if (!seen[matched]) {                                                    \
                    seen[matched] = 1;                                                   \
                    distinct++;                                                          \
                }                                                                        \
                i = j;                                                                   \
            }                                                                            \
            else                                                                         \
                i++;                                                                     \
        }                                                                                \
    } while (0)
#define PHRASES_AS_IS(i) (chars[i])
#define PHRASES_LOWERED(i) (lower[chars[i]])
    if (src->ascii)
        PHRASES_SCAN(Py_UCS1, PHRASES_LOWERED);
    else if (kind == PyUnicode_1BYTE_KIND)
        PHRASES_SCAN(Py_UCS1, PHRASES_AS_IS);
    else if (kind == PyUnicode_2BYTE_KIND)
        PHRASES_SCAN(Py_UCS2, PHRASES_AS_IS);
    else
        PHRASES_SCAN(Py_UCS4, PHRASES_AS_IS);
#undef PHRASES_SCAN
#undef PHRASES_AS_IS
#undef PHRASES_LOWERED
    if (seen != seen_small)
        PyMem_Free(seen);
    return distinct;
}

/* Phrases.count(text) -> int: phrases_distinct of the text as it is. */
static PyObject *
phrases_count(PhrasesObject *self, PyObject *text)
{
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "Phrases.count() needs a str");
        return NULL;
    }
    Src src;
    src_init(&src, text);
    src.ascii = 0; /* counted as it is */
    Py_ssize_t distinct = phrases_distinct(self, &src);
    return distinct < 0 ? NULL : PyLong_FromSsize_t(distinct);
}

static PyMethodDef phrases_methods[] = {
    {"count", (PyCFunction)phrases_count, METH_O,
     "How many different phrases the text holds (re.findall's scan)."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject PhrasesType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "newsclean._speedups.Phrases",
    .tp_basicsize = sizeof(PhrasesObject),
    .tp_dealloc = (destructor)phrases_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "A trie of phrases, for counting the different ones a text holds.",
    .tp_init = (initproc)phrases_init,
    .tp_new = PyType_GenericNew,
    .tp_methods = phrases_methods,
};

/* ---------------------------------------------------------------- parts
 *
 * Larger parts live in their own files, compiled into this one module (one translation
 * unit: they use the helpers above). Each defines only static names and one
 * `static PyMethodDef <part>_methods[]`, which PyInit adds to the module. */
#include "_speedups_reader.c"
#include "_speedups_page.c"
#include "_speedups_facts.c"
#include "_speedups_byline.c"

/* ---------------------------------------------------------------- module */

static PyMethodDef speedups_methods[] = {
    {"words_key", (PyCFunction)(void (*)(void))speedups_words_key, METH_FASTCALL,
     "comparison_key (digits true) or lexicon_key (digits false) of case-folded text."},
    {"shape", (PyCFunction)(void (*)(void))speedups_shape, METH_FASTCALL,
     "shape_from(text, folded, folded.split(), stopwords) as a Shape."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef speedups_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "newsclean._speedups",
    .m_doc = "Compiled versions of newsclean's hottest text measurements.",
    .m_size = -1,
    .m_methods = speedups_methods,
};

PyMODINIT_FUNC
PyInit__speedups(void)
{
    init_tables();
    if (PyType_Ready(&WordSetType) < 0 || PyType_Ready(&PhrasesType) < 0)
        return NULL;
    PyObject *module = PyModule_Create(&speedups_module);
    if (module == NULL)
        return NULL;
    PyMethodDef *parts[] = {
        reader_methods,
        page_methods,
        facts_methods,
        byline_methods,
        NULL,
    };
    for (size_t k = 0; parts[k] != NULL; k++) {
        if (PyModule_AddFunctions(module, parts[k]) < 0) {
            Py_DECREF(module);
            return NULL;
        }
    }
    Py_INCREF(&WordSetType);
    if (PyModule_AddObject(module, "WordSet", (PyObject *)&WordSetType) < 0) {
        Py_DECREF(&WordSetType);
        Py_DECREF(module);
        return NULL;
    }
    Py_INCREF(&PhrasesType);
    if (PyModule_AddObject(module, "Phrases", (PyObject *)&PhrasesType) < 0) {
        Py_DECREF(&PhrasesType);
        Py_DECREF(module);
        return NULL;
    }
    return module;
}
