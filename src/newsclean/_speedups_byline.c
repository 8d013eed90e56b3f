/* The byline filter's gates (newsclean.filters.byline.fast), included by _speedups.c.
 *
 * ExtractByline reads the ~40 blocks near the title with parse_byline and parse_credits,
 * and the last blocks with parse_credits and bio_name; nearly all of them are none of
 * these. The functions here find, in C, the blocks whose answers are certainly None, so
 * that Python reads only the others. Each "certainly None" below is proved in a comment
 * from the Python code it stands for; the Python code stays the reference (and the path
 * taken without this module), and tests/test_speedups_byline.py compares the two.
 *
 * Nothing here raises on a str; memory errors and errors of the patterns called
 * propagate. */

/* ---------------------------------------------------------------- shared pieces */

#include "structmember.h"

static PyObject *byline_str_kind, *byline_str_text, *byline_str_position, *byline_str_level,
    *byline_str_match, *byline_str_casefold, *byline_str_heading, *byline_str_digit_next,
    *byline_str_joined_next, *byline_str_search, *byline_str_paragraph;

static int
byline_strings(void)
{
    if (byline_str_paragraph != NULL)
        return 0;
    const char *names[] = {"kind",    "text", "position", "level",  "match",    "casefold",
                           "heading", "#",    "#n",       "search", "paragraph"};
    PyObject **slots[] = {&byline_str_kind,     &byline_str_text,       &byline_str_position,
                          &byline_str_level,    &byline_str_match,      &byline_str_casefold,
                          &byline_str_heading,  &byline_str_digit_next, &byline_str_joined_next,
                          &byline_str_search,   &byline_str_paragraph};
    for (size_t k = 0; k < sizeof(names) / sizeof(names[0]); k++) {
        if (*slots[k] != NULL)
            continue;
        *slots[k] = PyUnicode_InternFromString(names[k]);
        if (*slots[k] == NULL)
            return -1;
    }
    return 0;
}

/* An attribute read many times on objects of one type (a block's text, kind, ...): from
 * its slot when the type stores it in a plain slot (a member descriptor, as
 * dataclass(slots=True) makes) and reads attributes the generic way, else by
 * PyObject_GetAttr. Set up per call, for the type of the first object seen. */
typedef struct {
    PyObject *name;
    PyTypeObject *type; /* NULL until the first object is seen */
    Py_ssize_t offset;  /* of the slot, or -1: read by PyObject_GetAttr */
} Field;

static inline void
field_init(Field *field, PyObject *name)
{
    field->name = name;
    field->type = NULL;
    field->offset = -1;
}

/* The offset of the object slot holding attribute `name` of instances of `type`, -1 if
 * it is not one, -2 on error. */
static Py_ssize_t
member_offset(PyTypeObject *type, PyObject *name)
{
    if (type->tp_getattro != PyObject_GenericGetAttr)
        return -1;
    PyObject *descr = PyObject_GetAttr((PyObject *)type, name);
    if (descr == NULL) {
        if (!PyErr_ExceptionMatches(PyExc_AttributeError))
            return -2;
        PyErr_Clear(); /* no such attribute: PyObject_GetAttr raises it on the object */
        return -1;
    }
    Py_ssize_t offset = -1;
    if (Py_IS_TYPE(descr, &PyMemberDescr_Type)) {
        PyMemberDef *member = ((PyMemberDescrObject *)descr)->d_member;
        if (member->type == T_OBJECT_EX && PyType_IsSubtype(type, PyDescr_TYPE(descr)))
            offset = member->offset;
    }
    Py_DECREF(descr);
    return offset;
}

/* Attribute field->name of obj (a new reference), or NULL with an exception set. A slot
 * holding NULL (never set) takes PyObject_GetAttr, which raises AttributeError. */
static PyObject *
field_get(Field *field, PyObject *obj)
{
    PyTypeObject *type = Py_TYPE(obj);
    if (field->type == NULL) {
        Py_ssize_t offset = member_offset(type, field->name);
        if (offset == -2)
            return NULL;
        field->type = type;
        field->offset = offset;
    }
    if (type == field->type && field->offset >= 0) {
        PyObject *value = *(PyObject **)((char *)obj + field->offset);
        if (value != NULL)
            return Py_NewRef(value);
    }
    return PyObject_GetAttr(obj, field->name);
}

/* a == b for str (the block kinds), without a rich comparison where both are exact str;
 * -1 on error. Equal str have equal lengths and the same kind. */
static int
str_equal(PyObject *a, PyObject *b)
{
    if (a == b)
        return 1;
    if (PyUnicode_CheckExact(a) && PyUnicode_CheckExact(b)) {
        Py_ssize_t n = PyUnicode_GET_LENGTH(a);
        if (n != PyUnicode_GET_LENGTH(b) || PyUnicode_KIND(a) != PyUnicode_KIND(b))
            return 0;
        return memcmp(PyUnicode_DATA(a), PyUnicode_DATA(b), (size_t)n * PyUnicode_KIND(a)) == 0;
    }
    return PyObject_RichCompareBool(a, b, Py_EQ);
}

/* A character of src, lower-cased if it is ASCII (as src_at reads ASCII text; here the
 * text may also hold the caseless marks of fast._word_table's ASCII_LIKE class). */
static inline Py_UCS4
bat(const Src *src, Py_ssize_t i)
{
    Py_UCS4 c = PyUnicode_READ(src->kind, src->data, i);
    return c < 128 ? lower[c] : c;
}

/* \w in ASCII text, for re and regex alike: [A-Za-z0-9_]. */
static inline int
ascii_word(Py_UCS4 c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static inline int
ascii_digit(Py_UCS4 c)
{
    return c >= '0' && c <= '9';
}

/* Whether the characters start..start+len of src, all ASCII, lower-cased, are a word of
 * `set`. WordSet holds no word of over MAX_WORD characters. */
static inline int
in_set(const WordSetObject *set, const Src *src, Py_ssize_t start, Py_ssize_t len)
{
    if (len > MAX_WORD)
        return 0;
    if (src->ascii)
        return wordset_slot(set, src, start, len) >= 0;
    Py_UCS1 chars[MAX_WORD];
    for (Py_ssize_t k = 0; k < len; k++)
        chars[k] = (Py_UCS1)bat(src, start + k);
    Src word = {PyUnicode_1BYTE_KIND, chars, len, 1};
    return wordset_slot(set, &word, 0, len) >= 0;
}

/* The word of `set` (borrowed) equal to the characters start..start+len of src, all
 * ASCII, lower-cased; NULL if there is none. */
static inline PyObject *
set_word(const WordSetObject *set, const Src *src, Py_ssize_t start, Py_ssize_t len)
{
    if (len > MAX_WORD)
        return NULL;
    if (src->ascii)
        return wordset_find(set, src, start, len);
    Py_UCS1 chars[MAX_WORD];
    for (Py_ssize_t k = 0; k < len; k++)
        chars[k] = (Py_UCS1)bat(src, start + k);
    Src word = {PyUnicode_1BYTE_KIND, chars, len, 1};
    return wordset_find(set, &word, 0, len);
}

/* The end of the \w run of ASCII text src starting at i. */
static inline Py_ssize_t
word_end(const Src *src, Py_ssize_t i)
{
    while (i < src->n && ascii_word(bat(src, i)))
        i++;
    return i;
}

/* A new str: the ASCII characters start..start+len of src, lower-cased. */
static PyObject *
ascii_lowered(const Src *src, Py_ssize_t start, Py_ssize_t len)
{
    PyObject *word = PyUnicode_New(len, 127);
    if (word == NULL)
        return NULL;
    Py_UCS1 *out = PyUnicode_1BYTE_DATA(word);
    for (Py_ssize_t k = 0; k < len; k++)
        out[k] = (Py_UCS1)bat(src, start + k);
    return word;
}

/* What fast.py's gate_data() passes (a tuple, in this order), unpacked. */
typedef struct {
    WordSetObject *triggers;       /* lines._trigger_words() */
    WordSetObject *keys;           /* the words of lines._phrase_index() */
    PyObject *phrases;             /* its dict: word -> ((words, kind), ...) */
    WordSetObject *label_starters; /* date_starters(languages): the words mapped to True */
    WordSetObject *word_starters;  /* ... and those mapped to False */
    WordSetObject *months;         /* the first \w runs of the grammar's month names */
    WordSetObject *units;          /* ... of its relative units */
    WordSetObject *ordinals;       /* its ordinals made of \w characters */
    WordSetObject *day_month;      /* the words between a day and its month ("de", "of") */
    PyObject *digit, *labelled, *word; /* the grammar's patterns */
    WordSetObject *credit_firsts;  /* the first \w runs of the credit phrases, or NULL */
    PyObject *verbs;               /* the bio pattern's verbs: first word -> second words */
    PyObject *not_bylines;         /* extract._NOT_BYLINES */
    int reference_none;            /* ExtractByline.reference is None */
    Py_ssize_t max_words;          /* MAX_BYLINE_WORDS */
    Py_ssize_t sentence_words;     /* lines._SENTENCE_MIN_WORDS */
    WordSetObject *role_keys;      /* the words of the role phrases */
    PyObject *roles;               /* word -> ((words, 0), ...) for the role phrases */
    WordSetObject *free;           /* the words a segment can lose or hold outside a name */
    WordSetObject *suffixes;       /* the first \w runs of the relative suffixes ("ago") */
    WordSetObject *numbers;        /* ... of the relative number words */
    PyObject *continuations;       /* fast._continuations(): word -> frozenset | None */
    const unsigned char *word_table; /* fast._word_table(): per BMP character, 1 if \w */
    PyObject *may_be_signed;       /* lines._may_be_signed */
    PyObject *odd_case;            /* the characters of authors._ODD_CASE, a str */
    WordSetObject *by_firsts;      /* the first \w runs of the "By" phrases */
    PyObject *separators;          /* authors._words().separators */
    WordSetObject *separator_words; /* its words ("and", "&"...), or NULL: call it */
    PyObject *separator_marks;     /* its marks (",;/|"), a str */
    WordSetObject *desk_keys;      /* the words of the desk phrases */
    PyObject *desks;               /* word -> ((words, 1), ...) for the desk phrases */
    WordSetObject *not_name_words; /* authors' not_name_words */
} Gate;

#define GATE_ITEMS 34
/* The kinds fast.gate_data gives the phrases of lines._phrase_index: a "By" phrase, a
 * role or agency, an outlet word (lines._BY, _ATTRIBUTION, _OUTLET). */
#define SIGNED_BY 1
#define SIGNED_ATTRIBUTION 2
#define SIGNED_OUTLET 4
#define WORD_TABLE_SIZE 0x10000
/* fast._word_table's values: not \w, \w, read in Python, or read as ASCII is. */
#define NOT_WORD 0
#define WORD 1
#define ODD_CHAR 2
#define ASCII_LIKE 3

static int
gate_unpack(PyObject *tuple, Gate *g)
{
    if (!PyTuple_Check(tuple) || PyTuple_GET_SIZE(tuple) != GATE_ITEMS) {
        PyErr_SetString(PyExc_TypeError, "the byline gate is a tuple of 34 (see gate_data)");
        return -1;
    }
    WordSetObject **sets[] = {&g->triggers, &g->keys,      &g->label_starters, &g->word_starters,
                              &g->months,   &g->units,     &g->ordinals,       &g->day_month,
                              &g->role_keys, &g->free,     &g->suffixes,       &g->numbers,
                              &g->by_firsts, &g->desk_keys, &g->not_name_words};
    int set_items[] = {0, 1, 3, 4, 5, 6, 7, 8, 18, 20, 21, 22, 27, 31, 33};
    for (size_t k = 0; k < sizeof(set_items) / sizeof(set_items[0]); k++) {
        PyObject *item = PyTuple_GET_ITEM(tuple, set_items[k]);
        if (!PyObject_TypeCheck(item, &WordSetType)) {
            PyErr_SetString(PyExc_TypeError, "the byline gate needs WordSets");
            return -1;
        }
        *sets[k] = (WordSetObject *)item;
    }
    g->phrases = PyTuple_GET_ITEM(tuple, 2);
    g->digit = PyTuple_GET_ITEM(tuple, 9);
    g->labelled = PyTuple_GET_ITEM(tuple, 10);
    g->word = PyTuple_GET_ITEM(tuple, 11);
    PyObject *firsts = PyTuple_GET_ITEM(tuple, 12);
    g->not_bylines = PyTuple_GET_ITEM(tuple, 14);
    PyObject *reference_none = PyTuple_GET_ITEM(tuple, 15);
    PyObject *max_words = PyTuple_GET_ITEM(tuple, 16);
    PyObject *sentence_words = PyTuple_GET_ITEM(tuple, 17);
    g->roles = PyTuple_GET_ITEM(tuple, 19);
    g->verbs = PyTuple_GET_ITEM(tuple, 13);
    g->desks = PyTuple_GET_ITEM(tuple, 32);
    g->continuations = PyTuple_GET_ITEM(tuple, 23);
    PyObject *table = PyTuple_GET_ITEM(tuple, 24);
    g->may_be_signed = PyTuple_GET_ITEM(tuple, 25);
    g->odd_case = PyTuple_GET_ITEM(tuple, 26);
    g->separators = PyTuple_GET_ITEM(tuple, 28);
    PyObject *separator_words = PyTuple_GET_ITEM(tuple, 29);
    g->separator_marks = PyTuple_GET_ITEM(tuple, 30);
    if (!(separator_words == Py_None || PyObject_TypeCheck(separator_words, &WordSetType))
        || !PyUnicode_Check(g->separator_marks)) {
        PyErr_SetString(PyExc_TypeError, "the byline gate has an item of the wrong type");
        return -1;
    }
    g->separator_words = separator_words == Py_None ? NULL : (WordSetObject *)separator_words;
    if (!PyBytes_Check(table) || PyBytes_GET_SIZE(table) != WORD_TABLE_SIZE
        || !PyCallable_Check(g->may_be_signed) || !PyUnicode_Check(g->odd_case)) {
        PyErr_SetString(PyExc_TypeError, "the byline gate has an item of the wrong type");
        return -1;
    }
    g->word_table = (const unsigned char *)PyBytes_AS_STRING(table);
    if (!PyDict_Check(g->phrases) || !PyDict_Check(g->roles) || !PyDict_Check(g->continuations)
        || !PyDict_Check(g->verbs) || !PyDict_Check(g->desks)
        || !PyTuple_Check(g->not_bylines)
        || !(firsts == Py_None || PyObject_TypeCheck(firsts, &WordSetType))
        || !PyBool_Check(reference_none) || !PyLong_Check(max_words)
        || !PyLong_Check(sentence_words)) {
        PyErr_SetString(PyExc_TypeError, "the byline gate has an item of the wrong type");
        return -1;
    }
    g->credit_firsts = firsts == Py_None ? NULL : (WordSetObject *)firsts;
    g->reference_none = reference_none == Py_True;
    g->max_words = PyLong_AsSsize_t(max_words);
    g->sentence_words = PyLong_AsSsize_t(sentence_words);
    if ((g->max_words == -1 || g->sentence_words == -1) && PyErr_Occurred())
        return -1;
    return 0;
}

/* ---------------------------------------------------------------- parse_credits */

/* 1 if parse_credits(text) is certainly None, else 0.
 *
 * parse_credits strips the text (str.strip: Py_UNICODE_ISSPACE) and the parentheses
 * around it; then credits_any (^\s*{phrases}\s*:?\s+, regex.IGNORECASE) must match. \s
 * matches no character str.isspace refuses: where the white space skipped here goes
 * further, the pattern fails at once. Every phrase is ASCII and opens with a \w run R
 * (of letters) followed, in the phrase, by a character no \w character matches (white
 * space, "-", ":") or by the pattern's \s*:?\s+: so the text's first \w run is R, up to
 * case. An ASCII character matches an ASCII letter under IGNORECASE only if it
 * lower-cases to it; a non-ASCII one only if it is one of authors._ODD_CASE (ſ, İ) or
 * lower-cases to ASCII (K): a run that reaches one of these takes the Python path. fast.gate_data passes the runs R (credit_firsts), or None when a phrase
 * does not open with an ASCII letter; tests/test_speedups_byline.py checks the phrases. */
static int
credits_none(const Gate *g, PyObject *text)
{
    if (g->credit_firsts == NULL)
        return 0;
    Src src;
    src_init(&src, text);
    int kind = src.kind;
    const void *data = src.data;
    Py_ssize_t a = 0, b = src.n;
    while (a < b && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, a)))
        a++;
    while (b > a && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, b - 1)))
        b--;
    if (b - a >= 2 && PyUnicode_READ(kind, data, a) == '('
        && PyUnicode_READ(kind, data, b - 1) == ')') {
        a++;
        b--;
    }
    while (a < b && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, a)))
        a++;
    Py_ssize_t e = a;
    Py_UCS4 c = 0;
    while (e < b && (c = PyUnicode_READ(kind, data, e)) < 128 && ascii_word(c))
        e++;
    if (e < b && c >= 128 && e > a) {
        /* After the run: a \w character would continue it (take the Python path); another
         * ends it. */
        unsigned char class = c < WORD_TABLE_SIZE ? g->word_table[c] : ODD_CHAR;
        if (class != NOT_WORD && class != ASCII_LIKE)
            return 0;
    }
    else if (e < b && c >= 128) {
        /* At the start: only a character that lower-cases to ASCII (simple mapping) or one
         * of authors._ODD_CASE matches an ASCII letter under IGNORECASE. */
        if (Py_UNICODE_TOLOWER(c) < 128)
            return 0;
        for (Py_ssize_t k = 0; k < PyUnicode_GET_LENGTH(g->odd_case); k++)
            if (PyUnicode_READ_CHAR(g->odd_case, k) == c)
                return 0;
        return 1;
    }
    if (e == a)
        return 1; /* no \w run opens the text: no phrase can */
    /* The run, lower-cased: src_at lowers ASCII text only, so read it as ASCII here. */
    Py_UCS1 run[MAX_WORD];
    if (e - a > MAX_WORD)
        return 1; /* no phrase's first run is that long (WordSet holds none) */
    for (Py_ssize_t k = a; k < e; k++)
        run[k - a] = (Py_UCS1)PyUnicode_READ(kind, data, k);
    Src word = {PyUnicode_1BYTE_KIND, run, e - a, 1};
    return !in_set(g->credit_firsts, &word, 0, e - a);
}

/* ---------------------------------------------------------------- parse_byline */

/* Whether _may_hold_noise(text) for ASCII text: "@", "(", "[", "<", "://" or "www."
 * (lower-cased). */
static int
ascii_noise(const Src *src)
{
    for (Py_ssize_t i = 0; i < src->n; i++) {
        Py_UCS4 c = bat(src, i);
        if (c == '@' || c == '(' || c == '[' || c == '<')
            return 1;
        if (c == ':' && i + 2 < src->n && bat(src, i + 1) == '/' && bat(src, i + 2) == '/')
            return 1;
        if (c == 'w' && i + 3 < src->n && bat(src, i + 1) == 'w' && bat(src, i + 2) == 'w'
            && bat(src, i + 3) == '.')
            return 1;
    }
    return 0;
}

/* Whether `word` (a str) is one of the \w runs of ASCII text src, lower-cased. */
static int
has_run(const Src *src, PyObject *word)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(word);
    if (!PyUnicode_IS_ASCII(word) || len == 0)
        return 0;
    const Py_UCS1 *chars = PyUnicode_1BYTE_DATA(word);
    for (Py_ssize_t i = 0; i < src->n;) {
        if (!ascii_word(bat(src, i))) {
            i++;
            continue;
        }
        Py_ssize_t end = word_end(src, i);
        if (end - i == len) {
            Py_ssize_t k = 0;
            while (k < len && bat(src, i + k) == chars[k])
                k++;
            if (k == len)
                return 1;
        }
        i = end;
    }
    return 0;
}

/* The kinds (or-ed) of the phrases of `index` that have all their words among the \w
 * runs of ASCII text src (lower-cased): 0 if none has; -1 on error. `index`
 * (fast.gate_data) maps each word of the phrases (`keys`) to the phrases holding it, each
 * as (its words, its kind, a positive int); every such phrase holds a word of the text,
 * so looking up the text's words finds it. */
static long
ascii_held(const Src *src, const WordSetObject *keys, PyObject *index)
{
    long kinds = 0;
    for (Py_ssize_t i = 0; i < src->n;) {
        if (!ascii_word(bat(src, i))) {
            i++;
            continue;
        }
        Py_ssize_t end = word_end(src, i);
        PyObject *word = set_word(keys, src, i, end - i); /* borrowed */
        if (word != NULL) {
            PyObject *entries = PyDict_GetItemWithError(index, word); /* borrowed */
            if (entries == NULL && PyErr_Occurred())
                return -1;
            if (entries != NULL && !PyTuple_Check(entries)) {
                PyErr_SetString(PyExc_TypeError, "a phrase index holds tuples");
                return -1;
            }
            for (Py_ssize_t k = 0; entries != NULL && k < PyTuple_GET_SIZE(entries); k++) {
                PyObject *entry = PyTuple_GET_ITEM(entries, k);
                PyObject *words = PyTuple_Check(entry) && PyTuple_GET_SIZE(entry) == 2
                                      ? PyTuple_GET_ITEM(entry, 0)
                                      : NULL;
                long kind = words != NULL ? PyLong_AsLong(PyTuple_GET_ITEM(entry, 1)) : -1;
                if (words == NULL || !PyTuple_Check(words) || kind <= 0) {
                    if (!PyErr_Occurred())
                        PyErr_SetString(PyExc_TypeError,
                                        "a phrase index holds (words, kind) pairs, kind > 0");
                    return -1;
                }
                if ((kinds & kind) == kind)
                    continue;
                int held = 1;
                for (Py_ssize_t j = 0; j < PyTuple_GET_SIZE(words) && held; j++) {
                    PyObject *needed = PyTuple_GET_ITEM(words, j);
                    held = PyUnicode_Check(needed) && has_run(src, needed);
                }
                if (held)
                    kinds |= kind;
            }
        }
        i = end;
    }
    return kinds;
}

/* 1 if ASCII text src, which has no date (find_dates finds none), has a token that makes
 * its segment an "other" one, so that _byline_from returns None; 0 if none is found, -1
 * on error.
 *
 * With no date, _byline_from reads the segments of the whole text (_SEGMENTS.split) and
 * returns None at the first "other" one. The witness is a token (str.split) that opens
 * with a lower-case ASCII letter, holds no "@", "://" or "www." and lies before the first
 * "(", "[" or "<" or after the last ")", "]" or ">" (so no e-mail, link, handle or
 * bracketed note of strip_noise takes it off: each lies inside one token holding "@",
 * "://" or "www.", or between brackets), and none of whose \w runs is a `free` word
 * (fast.gate_data: every word of the "By", role, agency, separator, place-word,
 * ignorable and reading-time patterns and of the particles and suffixes, "the" and
 * "for"); and no role phrase has all its words in the text. Then in its segment:
 * strip_by takes only a "By" phrase off the start, strip_noise (in _segment, and again in
 * classify) only noise, the ends' " \t,;:|·•-–—" and ignorable phrases at the end, none
 * of which holds the witness or its first letter; the reading-time pattern needs the
 * body to be a number and a reading phrase. The separators of _SEGMENTS and split_names
 * cut tokens only at non-\w characters or words of their own, so a piece of the witness
 * opening with its letter is a token of its chunk. classify on that chunk: no agency
 * (its words would be agency words), no role (no role phrase is held: the role pattern
 * and _name_before_attribution's tails are not tried), no desk or outlet (_capitalized
 * fails on the witness: not upper, not "&-'’", a letter, no particle), no name (_name
 * refuses a token that is no name word, particle or suffix, and _name_before_attribution
 * gives _name the tokens before a tail that is an agency or an outlet name, neither of
 * which can hold the witness; the text after " for " holds it or is classified "other"
 * by the same argument). So a chunk is "other" and, as place_name refuses the witness
 * (_PLACE_WORD: no capital, not one of its lower-case words), so is the segment. */
static int
ascii_witness(const Gate *g, const Src *src)
{
    long roles = ascii_held(src, g->role_keys, g->roles);
    if (roles != 0)
        return roles < 0 ? -1 : 0;
    Py_ssize_t n = src->n, first_open = n, last_close = -1;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = bat(src, i);
        if ((c == '(' || c == '[' || c == '<') && first_open == n)
            first_open = i;
        if (c == ')' || c == ']' || c == '>')
            last_close = i;
    }
    Py_ssize_t pos = 0, start, len;
    uint64_t hash;
    while (next_token(src, &pos, &start, &len, &hash)) {
        Py_UCS4 first = PyUnicode_READ(src->kind, src->data, start); /* not lower-cased */
        if (first < 'a' || first > 'z')
            continue;
        if (!(start + len <= first_open || start > last_close))
            continue;
        int free = 0;
        for (Py_ssize_t k = start; k < start + len && !free;) {
            Py_UCS4 c = bat(src, k);
            if (c == '@' || (c == ':' && k + 2 < start + len && bat(src, k + 1) == '/'
                             && bat(src, k + 2) == '/')
                || (c == 'w' && k + 3 < start + len && bat(src, k + 1) == 'w'
                    && bat(src, k + 2) == 'w' && bat(src, k + 3) == '.')) {
                free = 1;
                break;
            }
            if (!ascii_word(c)) {
                k++;
                continue;
            }
            Py_ssize_t end = word_end(src, k);
            if (end > start + len)
                end = start + len;
            free = in_set(g->free, src, k, end - k);
            k = end;
        }
        if (!free)
            return 1;
    }
    return 0;
}

/* The first position from i on in src that is not white space (Py_UNICODE_ISSPACE). */
static inline Py_ssize_t
skip_space(const Src *src, Py_ssize_t i)
{
    while (i < src->n && Py_UNICODE_ISSPACE(bat(src, i)))
        i++;
    return i;
}

/* Whether the \w run of src at i (none if i is past the end or at no \w character) is a
 * word of `set`. */
static inline int
run_in(const WordSetObject *set, const Src *src, Py_ssize_t i)
{
    if (i >= src->n)
        return 0;
    Py_ssize_t end = word_end(src, i);
    return end > i && in_set(set, src, i, end - i);
}

/* The end of am/pm ([ap]\.?\s?m\b: the pattern's ampm) at x in src, or -1. \s is no
 * wider than Py_UNICODE_ISSPACE, so this lets through all the pattern does. */
static Py_ssize_t
ampm_end(const Src *src, Py_ssize_t x)
{
    Py_ssize_t n = src->n;
    if (x >= n || (bat(src, x) != 'a' && bat(src, x) != 'p'))
        return -1;
    Py_ssize_t y = x + 1;
    if (y < n && bat(src, y) == '.')
        y++;
    if (y < n && Py_UNICODE_ISSPACE(bat(src, y)))
        y++;
    if (y >= n || bat(src, y) != 'm')
        return -1;
    y++;
    return y < n && ascii_word(bat(src, y)) ? -1 : y;
}

/* Whether a date's core may follow a leading time that ends at `from`: a digit somewhere
 * after it, or a word a date can start with at `from` or at a \w run after it. After the
 * time the pattern reads seconds, am/pm, a zone and marks (ending each at a non-letter)
 * before the optional weekday and the core; the core, or the weekday, opens with a digit
 * or such a word (a starter), so it starts at `from`, right after a digit, or at a run. */
static int
core_may_follow(const Gate *g, const Src *src, Py_ssize_t from)
{
    for (Py_ssize_t i = from; i < src->n; i++)
        if (ascii_digit(bat(src, i)))
            return 1;
    for (Py_ssize_t i = from; i < src->n;) {
        if (!ascii_word(bat(src, i))) {
            i++;
            continue;
        }
        Py_ssize_t end = word_end(src, i);
        if (in_set(g->label_starters, src, i, end - i) || in_set(g->word_starters, src, i, end - i))
            return 1;
        i = end;
    }
    return 0;
}

/* Whether a month may follow a day's ordinal or separator ending at i: the pattern's
 * (?:\s*[-/.]\s*|\s+(?:(?:de|of)\s+)?)month, let through more widely. */
static int
month_may_follow(const Gate *g, const Src *src, Py_ssize_t i)
{
    Py_ssize_t r = skip_space(src, i);
    if (r < src->n && (bat(src, r) == '-' || bat(src, r) == '/' || bat(src, r) == '.'))
        r = skip_space(src, r + 1);
    if (run_in(g->months, src, r))
        return 1;
    if (!run_in(g->day_month, src, r))
        return 0;
    return run_in(g->months, src, skip_space(src, word_end(src, r)));
}

/* Whether a relative suffix ("ago") may follow a unit run ending at i (\s+suffix). */
static inline int
suffix_may_follow(const Gate *g, const Src *src, Py_ssize_t i)
{
    return run_in(g->suffixes, src, skip_space(src, i));
}

/* The length of the run of digits of src at i. */
static inline Py_ssize_t
digits_at(const Src *src, Py_ssize_t i)
{
    Py_ssize_t k = i;
    while (k < src->n && ascii_digit(bat(src, k)))
        k++;
    return k - i;
}

/* 0 if the grammar's digit pattern certainly does not match ASCII text src at p (the
 * start of a \w run whose first character is a digit), 1 if it may.
 *
 * The pattern (dates/grammar.py _pattern_texts "digit") is a start test, an optional
 * leading time (pre_time), an optional weekday and the core. The start test
 * (?<![\w+\-/.,]) fails after one of "+-/.,". The weekday opens with no digit ((?!\d)),
 * so the match opens with the time or with the core's digit-led branches. With r the
 * run of digits at p and c the character after it, each needs:
 * - iso [12]\d{3}([-/.])(1[0-2]|0?[1-9])\1 then a digit: r of 4 digits, c a separator,
 *   one or two digits and the same separator;
 * - numeric \d{1,2}([-/.])\d{1,2}\1(\d{4}|\d{2})(?!\d): r of one or two, c a separator,
 *   one or two digits, the same separator, then two or four digits;
 * - day_month: a day of one or two digits taking all of r (no digit follows it), then an
 *   ordinal ending the \w run (or one of the marks "." and "°"), a separator or white
 *   space, then a month, or "de" or "of" and a month (month_may_follow);
 * - relative \d{1,6}\s*unit\s+suffix: r of at most 6, a unit (the rest of the \w run,
 *   or after white space the next run, whole: (?!\w)), then white space and a suffix;
 * - pre_time: hours of one or two digits taking all of r, then ":" and minutes
 *   [0-5]\d, or \s*[ap]\.?\s?m\b; then a core (core_may_follow).
 * Every word of the grammar compares with ASCII text by lower case (its characters match
 * no other ASCII character under IGNORECASE: tests/test_speedups_byline.py checks the
 * lexicon), and the sets here hold the \w runs the grammar's words start with (each
 * phrase's words are whole \w runs: (?!\w), \s+ or a mark follows each). White space:
 * the pattern's \s matches no ASCII character Py_UNICODE_ISSPACE refuses, so where the
 * space skipped here goes further, the pattern stops at a character no branch takes. */
static int
digit_may_start(const Gate *g, const Src *src, Py_ssize_t p)
{
    Py_ssize_t n = src->n;
    if (p > 0) {
        Py_UCS4 before = bat(src, p - 1);
        if (before == '+' || before == '-' || before == '/' || before == '.' || before == ',')
            return 0;
    }
    Py_ssize_t run = digits_at(src, p), q = p + run;
    if (q == n)
        return 0;
    Py_UCS4 c = bat(src, q);
    if (c == '-' || c == '/' || c == '.') {
        Py_ssize_t second = digits_at(src, q + 1);
        if ((run <= 2 || run == 4) && (second == 1 || second == 2) && q + 1 + second < n
            && bat(src, q + 1 + second) == c) {
            Py_ssize_t third = digits_at(src, q + 2 + second);
            if (run <= 2 && (third == 2 || third >= 4))
                return 1;
            if (run == 4 && third >= 1 && (bat(src, p) == '1' || bat(src, p) == '2'))
                return 1;
        }
        return run <= 2 && month_may_follow(g, src, q + 1);
    }
    if (c == 0xb0) /* "°", an ordinal: then a separator or white space and a month */
        return run <= 2 && month_may_follow(g, src, q + 1);
    if (c == ':') {
        if (run > 2 || q + 2 >= n || bat(src, q + 1) < '0' || bat(src, q + 1) > '5'
            || !ascii_digit(bat(src, q + 2)))
            return 0;
        return core_may_follow(g, src, q + 3);
    }
    if (ascii_word(c)) {
        Py_ssize_t end = word_end(src, q), y = ampm_end(src, q);
        if (run <= 2 && y >= 0 && core_may_follow(g, src, y))
            return 1;
        if (run <= 2 && in_set(g->ordinals, src, q, end - q) && month_may_follow(g, src, end))
            return 1;
        return run <= 6 && in_set(g->units, src, q, end - q) && suffix_may_follow(g, src, end);
    }
    if (!Py_UNICODE_ISSPACE(c))
        return 0;
    Py_ssize_t r = skip_space(src, q);
    if (r == n)
        return 0;
    c = bat(src, r);
    if (run <= 2 && (c == '-' || c == '/' || c == '.'))
        return month_may_follow(g, src, r);
    Py_ssize_t y = ampm_end(src, r);
    if (run <= 2 && y >= 0 && core_may_follow(g, src, y))
        return 1;
    if (run <= 2 && month_may_follow(g, src, r))
        return 1;
    return run <= 6 && run_in(g->units, src, r) && suffix_may_follow(g, src, word_end(src, r));
}

/* Whether the \w run of src at i (ASCII) is a number word with a unit joined to it. */
static int
joined_number(const Gate *g, const Src *src, Py_ssize_t i, Py_ssize_t end)
{
    for (Py_ssize_t k = i + 1; k < end; k++)
        if (in_set(g->numbers, src, i, k - i) && in_set(g->units, src, k, end - k))
            return 1;
    return 0;
}

/* 0 if no date can start at the starter word of src at i..end (its lower case a key of
 * `continuations`), 1 if one may, -1 on error. The next \w run must be one that can
 * follow the word in a date (fast._continuations gives them, and its docstring why the
 * next element takes a whole run); the marks between are let through whatever they are. */
static int
word_may_start(const Gate *g, const Src *src, Py_ssize_t i, Py_ssize_t end)
{
    PyObject *word = ascii_lowered(src, i, end - i);
    if (word == NULL)
        return -1;
    PyObject *nexts = PyDict_GetItemWithError(g->continuations, word); /* borrowed */
    Py_DECREF(word);
    if (nexts == NULL)
        return PyErr_Occurred() ? -1 : 1; /* not described: try the pattern */
    if (!PyAnySet_Check(nexts))
        return 1; /* None: the word can be a whole date ("today") */
    Py_ssize_t r = end;
    while (r < src->n && !ascii_word(bat(src, r)))
        r++;
    if (r == src->n)
        return 0;
    if (ascii_digit(bat(src, r)))
        return PySet_Contains(nexts, byline_str_digit_next);
    Py_ssize_t stop = word_end(src, r);
    PyObject *next = ascii_lowered(src, r, stop - r);
    if (next == NULL)
        return -1;
    int found = PySet_Contains(nexts, next);
    Py_DECREF(next);
    if (found != 0)
        return found;
    found = PySet_Contains(nexts, byline_str_joined_next);
    return found > 0 ? joined_number(g, src, r, stop) : found;
}

/* 1 if one of the grammar's patterns matches `text` at a word where find_dates tries one
 * (grammar.matches: a \w run starting with a digit, or a lower-cased starter), 0 if none
 * does (then find_dates finds nothing), -1 on error. Runs the pattern itself where the
 * tests above cannot rule the match out. */
static int
ascii_date_match(const Gate *g, PyObject *text, const Src *src)
{
    for (Py_ssize_t i = 0; i < src->n;) {
        if (!ascii_word(bat(src, i))) {
            i++;
            continue;
        }
        Py_ssize_t end = word_end(src, i);
        PyObject *pattern = NULL;
        if (ascii_digit(bat(src, i))) {
            if (digit_may_start(g, src, i))
                pattern = g->digit;
        }
        else {
            int label = in_set(g->label_starters, src, i, end - i);
            if (label || in_set(g->word_starters, src, i, end - i)) {
                int may = word_may_start(g, src, i, end);
                if (may < 0)
                    return -1;
                if (may)
                    pattern = label ? g->labelled : g->word;
            }
        }
        if (pattern != NULL) {
            PyObject *pos = PyLong_FromSsize_t(i);
            if (pos == NULL)
                return -1;
            PyObject *args[3] = {pattern, text, pos};
            PyObject *match = PyObject_VectorcallMethod(byline_str_match, args, 3, NULL);
            Py_DECREF(pos);
            if (match == NULL)
                return -1;
            int found = match != Py_None;
            Py_DECREF(match);
            if (found)
                return 1;
        }
        i = end;
    }
    return 0;
}

/* Whether a segment of ASCII text src (_SEGMENTS.split) may open with a "By" phrase: a
 * segment opens at 0 or after a separator, which ends with one of "|•·—–-" or "\n" and
 * white space; stripped, it opens with the phrase's first \w run (a whole run: white
 * space or a colon follows it in the pattern). Looked for after every one of these
 * characters, which lets through more. */
static int
by_may_open(const Gate *g, const Src *src)
{
    for (Py_ssize_t i = 0; i <= src->n; i++) {
        if (i > 0) {
            Py_UCS4 c = bat(src, i - 1);
            if (c != '|' && c != '-' && c != '\n' && c != 0xb7 && c != 0x2022 && c != 0x2013
                && c != 0x2014)
                continue;
        }
        if (run_in(g->by_firsts, src, skip_space(src, i)))
            return 1;
    }
    return 0;
}

static int separators_search(const Gate *g, PyObject *text, const Src *src);

/* Whether lines._may_be_signed(text) is True, for ASCII text of `words` words with no
 * noise mark: 1 or 0, -1 on error. In its terms: True if `held` has a role or agency;
 * else, when it has a "By" phrase that may open a segment (by_may_open), as the function
 * itself answers; else False without an outlet word; else True for 4 words or more, or
 * if the separators pattern finds a list in the text with its white space made single
 * spaces (" ".join(text.split())). */
static int
ascii_signed(const Gate *g, PyObject *text, const Src *src, Py_ssize_t words)
{
    long held = ascii_held(src, g->keys, g->phrases);
    if (held <= 0)
        return (int)held;
    if (held & SIGNED_ATTRIBUTION)
        return 1;
    if ((held & SIGNED_BY) && by_may_open(g, src)) {
        PyObject *answer = PyObject_CallOneArg(g->may_be_signed, text);
        if (answer == NULL)
            return -1;
        int result = PyObject_IsTrue(answer);
        Py_DECREF(answer);
        return result;
    }
    if (!(held & SIGNED_OUTLET))
        return 0;
    if (words >= 4)
        return 1;
    if (g->separator_words == NULL)
        return separators_search(g, text, src);
    /* The separators pattern, as fast.gate_data took it apart: one of its marks anywhere,
     * or one of its words (IGNORECASE) as a whole word with words on both sides (\s word
     * \s in the text with single spaces). */
    Py_ssize_t pos = 0, start, len, token = 0;
    uint64_t hash;
    while (next_token(src, &pos, &start, &len, &hash)) {
        for (Py_ssize_t k = start; k < start + len; k++) {
            Py_UCS4 c = PyUnicode_READ(src->kind, src->data, k);
            for (Py_ssize_t j = 0; j < PyUnicode_GET_LENGTH(g->separator_marks); j++)
                if (PyUnicode_READ_CHAR(g->separator_marks, j) == c)
                    return 1;
        }
        if (token > 0 && token < words - 1) {
            int ascii = 1;
            for (Py_ssize_t k = start; k < start + len && ascii; k++)
                ascii = PyUnicode_READ(src->kind, src->data, k) < 128;
            if (ascii && in_set(g->separator_words, src, start, len))
                return 1;
        }
        token++;
    }
    return 0;
}

/* Whether the separators pattern finds a list in `text` with its white space made single
 * spaces (" ".join(text.split())): 1 or 0, -1 on error. */
static int
separators_search(const Gate *g, PyObject *text, const Src *src)
{
    /* The words joined by single spaces. */
    PyObject *joined = PyUnicode_New(src->n, PyUnicode_MAX_CHAR_VALUE(text));
    if (joined == NULL)
        return -1;
    int out_kind = PyUnicode_KIND(joined);
    void *out = PyUnicode_DATA(joined);
    Py_ssize_t len = 0;
    for (Py_ssize_t i = 0; i < src->n;) {
        Py_UCS4 c = PyUnicode_READ(src->kind, src->data, i); /* as it is: not lower-cased */
        if (Py_UNICODE_ISSPACE(c)) {
            i++;
            continue;
        }
        if (len > 0)
            PyUnicode_WRITE(out_kind, out, len++, ' ');
        while (i < src->n && !Py_UNICODE_ISSPACE(c = PyUnicode_READ(src->kind, src->data, i))) {
            PyUnicode_WRITE(out_kind, out, len++, c);
            i++;
        }
    }
    PyObject *normal = PyUnicode_Substring(joined, 0, len);
    Py_DECREF(joined);
    if (normal == NULL)
        return -1;
    PyObject *args[2] = {g->separators, normal};
    PyObject *match = PyObject_VectorcallMethod(byline_str_search, args, 2, NULL);
    Py_DECREF(normal);
    if (match == NULL)
        return -1;
    int found = match != Py_None;
    Py_DECREF(match);
    return found;
}

/* For text that is not ASCII, given no reference: 1 (BYLINE_NONE) if parse_byline
 * returns None at its trigger test (no digit, regex's \d, which is Py_UNICODE_ISDECIMAL;
 * and no \w run of text.casefold() a trigger word), 0 (BYLINE_MAYBE) if it may not, -1 on
 * error.
 *
 * The \w runs come from fast._word_table, made with regex's own \w over the BMP; it marks
 * ODD_CHAR the characters whose case folding holds one of the other class (none in
 * Unicode 15: checked when the table is made); such characters, and those beyond the
 * BMP, take the Python path. So casefold maps each run of the text to a run of
 * text.casefold(), and the non-\w characters to non-\w ones: the runs of the folded text
 * are the folded runs. */
static int
unicode_untriggered(const Gate *g, PyObject *text, const Src *src)
{
    for (Py_ssize_t i = 0; i < src->n; i++) {
        Py_UCS4 c = PyUnicode_READ(src->kind, src->data, i);
        if (c >= WORD_TABLE_SIZE || g->word_table[c] == ODD_CHAR || Py_UNICODE_ISDECIMAL(c))
            return 0;
    }
    for (Py_ssize_t i = 0; i < src->n;) {
        Py_UCS4 c = PyUnicode_READ(src->kind, src->data, i);
        if (g->word_table[c] != WORD) {
            i++;
            continue;
        }
        Py_ssize_t end = i, ascii = 1;
        while (end < src->n && g->word_table[c = PyUnicode_READ(src->kind, src->data, end)] == WORD) {
            ascii = ascii && c < 128;
            end++;
        }
        int trigger;
        if (ascii) {
            Py_UCS1 run[MAX_WORD];
            trigger = 0;
            if (end - i <= MAX_WORD) {
                for (Py_ssize_t k = i; k < end; k++)
                    run[k - i] = (Py_UCS1)PyUnicode_READ(src->kind, src->data, k);
                Src word = {PyUnicode_1BYTE_KIND, run, end - i, 1};
                trigger = in_set(g->triggers, &word, 0, end - i);
            }
        }
        else {
            PyObject *part = PyUnicode_Substring(text, i, end);
            if (part == NULL)
                return -1;
            PyObject *folded = PyObject_CallMethodNoArgs(part, byline_str_casefold);
            Py_DECREF(part);
            if (folded == NULL)
                return -1;
            Src word;
            src_init(&word, folded);
            word.ascii = 0; /* folded already: read as it is */
            trigger = word.n <= MAX_WORD && wordset_slot(g->triggers, &word, 0, word.n) >= 0;
            Py_DECREF(folded);
        }
        if (trigger)
            return 0;
        i = end;
    }
    return 1;
}

/* Whether c may end a piece of a names list or a segment at its right: the separators
 * of split_names ([,;/|] and "&") and of _SEGMENTS ("|•·—–-", "\n"). */
static inline int
may_separate(Py_UCS4 c)
{
    return c == ',' || c == ';' || c == '/' || c == '|' || c == '&' || c == '\n' || c == '-'
           || c == 0xb7 || c == 0x2022 || c == 0x2013 || c == 0x2014;
}

/* Whether c surely ends a piece of a names list or a segment where it stands: [,;/|]
 * (split_names, which also reads "\s*[,;/|]\s*"), "|" and "\n" (_SEGMENTS). */
static inline int
surely_separates(Py_UCS4 c)
{
    return c == ',' || c == ';' || c == '/' || c == '|' || c == '\n';
}

/* The characters strip_noise takes off the ends of a piece (" \t,;:|·•-–—"). */
static inline int
stripped(Py_UCS4 c)
{
    return c == ' ' || c == '\t' || c == ',' || c == ';' || c == ':' || c == '|' || c == 0xb7
           || c == 0x2022 || c == '-' || c == 0x2013 || c == 0x2014;
}

/* 1 if ASCII text src, with no date, no noise mark and no segment that may open with a
 * "By" phrase (by_may_open), has no chunk that can be a name or a desk, so that
 * _byline_from returns None; 0 if it may have one, -1 on error.
 *
 * Without a date, _byline_from needs a people segment with `by` (a "By" phrase opening
 * the segment: ruled out) or attributed with names or desks. A desk needs all the words
 * of a desk phrase (the desk pattern, as authors._may_hold_roles_desks reads it): none
 * is held. A name is read (_name, _name_before_attribution, both given a chunk or the
 * part of it before " for ") from the opening tokens of a chunk of split_names, of at
 * least two tokens, whose first token is a name word (\p{Lu} first: ASCII here) and not a
 * not_name_words word. Every chunk opens at the start of the text or after a separator
 * (may_separate, or a joining word such as "and"), and the white space and the marks
 * strip_noise takes off (stripped); strip_by takes nothing off (no "By" phrase), and
 * without noise marks strip_noise only cuts the ends. A chunk ends at a character that
 * surely separates, or at a segment separator with white space on both sides, if not
 * before: so it has no more tokens than counted here. So where each place such a chunk
 * may open holds fewer than two tokens, or a first token that is no name word (no ASCII
 * capital) or (whole, without separators) a not_name_words word, no chunk is a name. */
static int
ascii_nameless(const Gate *g, const Src *src)
{
    long desks = ascii_held(src, g->desk_keys, g->desks);
    if (desks != 0)
        return desks < 0 ? -1 : 0;
    if (by_may_open(g, src))
        return 0;
    Py_ssize_t n = src->n, previous_end = -1;
    int joined = 0; /* the token before was a joining word */
    for (Py_ssize_t p = 0; p < n; p++) {
        Py_UCS4 before = p > 0 ? bat(src, p - 1) : 0;
        int opens = p == 0 || may_separate(before) || (joined && p > previous_end
                                                           && Py_UNICODE_ISSPACE(before));
        /* Keep track of tokens, for the joining words. */
        if (!Py_UNICODE_ISSPACE(bat(src, p)) && (p == 0 || Py_UNICODE_ISSPACE(before))) {
            Py_ssize_t end = p;
            while (end < n && !Py_UNICODE_ISSPACE(bat(src, end)))
                end++;
            int word = 1;
            for (Py_ssize_t k = p; k < end && word; k++)
                word = bat(src, k) < 128;
            joined = word && end - p <= MAX_WORD && in_set(g->separator_words, src, p, end - p);
            previous_end = end;
            if (!opens)
                continue;
        }
        else if (!opens)
            continue;
        /* A chunk may open at p: its first token, and its tokens up to a sure end. */
        Py_ssize_t q = p;
        while (q < n && (Py_UNICODE_ISSPACE(bat(src, q)) || stripped(bat(src, q))))
            q++;
        if (q >= n)
            continue;
        Py_ssize_t token_end = q, tokens = 0, k = q;
        while (token_end < n && !Py_UNICODE_ISSPACE(bat(src, token_end)))
            token_end++;
        while (k < n) {
            Py_UCS4 c = bat(src, k);
            if (surely_separates(c))
                break;
            if (Py_UNICODE_ISSPACE(c)) {
                Py_ssize_t r = k;
                while (r < n && Py_UNICODE_ISSPACE(bat(src, r)))
                    r++;
                if (r + 1 < n && r > k && may_separate(bat(src, r)) && bat(src, r) != ','
                    && Py_UNICODE_ISSPACE(bat(src, r + 1)))
                    break; /* " - ", " — "...: a segment ends */
                k = r;
                continue;
            }
            tokens++;
            while (k < n && !Py_UNICODE_ISSPACE(bat(src, k)) && !surely_separates(bat(src, k)))
                k++;
        }
        if (tokens < 2)
            continue;
        Py_UCS4 first = PyUnicode_READ(src->kind, src->data, q); /* as printed */
        if (first < 'A' || first > 'Z')
            continue;
        int plain = 1;
        for (Py_ssize_t j = q; j < token_end && plain; j++)
            plain = !may_separate(bat(src, j)) && bat(src, j) < 128;
        if (plain && in_set(g->not_name_words, src, q, token_end - q))
            continue;
        return 0;
    }
    return 1;
}

/* Whether text src, not ASCII, is read here as ASCII text is: each of its other
 * characters is of fast._word_table's ASCII_LIKE class, marks and spaces (typographic
 * quotes and dashes, bullets, ©, °, no-break space...) that no \w, \d or \s class
 * reads otherwise than str.split and ASCII do (not \w in re or regex, no digit, white
 * space in both or neither), that case folding and lower-casing keep, and none of
 * authors._ODD_CASE. The few the patterns name are read as they read them: "·", "•",
 * "–", "—" end segments (by_may_open), "°" is an ordinal (digit_may_start), "’" is a
 * name character (bio_none) and an apostrophe in date phrases (whose words are cut at
 * it, as fast._continuations cuts them). */
static int
ascii_like(const Gate *g, const Src *src)
{
    for (Py_ssize_t i = 0; i < src->n; i++) {
        Py_UCS4 c = PyUnicode_READ(src->kind, src->data, i);
        if (c >= 128 && (c >= WORD_TABLE_SIZE || g->word_table[c] != ASCII_LIKE))
            return 0;
    }
    return 1;
}

/* What the gate knows of parse_byline(text, reference=..., languages=...): */
#define BYLINE_MAYBE 0   /* nothing */
#define BYLINE_NONE 1    /* it is None */
#define BYLINE_UNDATED 2 /* it passes the early exits and find_dates finds no date */

/* BYLINE_NONE if parse_byline(text, reference=..., languages=...) is certainly None,
 * BYLINE_UNDATED if it is not ruled out but find_dates certainly finds no date in the
 * text (which passes parse_byline's early exits), BYLINE_MAYBE else, -1 on error. Each
 * step is parse_byline's own early exit (lines.py), in its words:
 * - no text, more than MAX_BYLINE_WORDS words (str.split: Py_UNICODE_ISSPACE), or a
 *   first character "—" or "–";
 * - at least _SENTENCE_MIN_WORDS words, more than half of them starting with a lower-case
 *   letter (str.islower of one character is Py_UNICODE_ISLOWER);
 * - ASCII text only from here (the rest reads \w, \d and case folding as ASCII has them;
 *   see ascii_like for the marks it lets in too): no digit, no reference, and no \w run
 *   (lower-cased) a trigger word (for other text, see unicode_untriggered);
 * - no date (ascii_date_match), and no signature (_may_be_signed is False when the text
 *   has no noise mark and `held` is 0: ascii_holds over lines._phrase_index), or a
 *   witness that a segment is "other" (ascii_witness), or no segment that can sign
 *   (ascii_nameless). */
static int
byline_none(const Gate *g, PyObject *text)
{
    Src src;
    src_init(&src, text);
    Py_ssize_t n = src.n;
    if (n == 0)
        return BYLINE_NONE;
    Py_ssize_t words = 0, lower_initials = 0;
    for (Py_ssize_t i = 0; i < n;) {
        Py_UCS4 c = PyUnicode_READ(src.kind, src.data, i);
        if (Py_UNICODE_ISSPACE(c)) {
            i++;
            continue;
        }
        if (++words > g->max_words)
            return BYLINE_NONE;
        lower_initials += (c < 128 ? c >= 'a' && c <= 'z' : Py_UNICODE_ISLOWER(c)) ? 1 : 0;
        while (i < n && !Py_UNICODE_ISSPACE(PyUnicode_READ(src.kind, src.data, i)))
            i++;
    }
    Py_UCS4 first = PyUnicode_READ(src.kind, src.data, 0);
    if (first == 0x2014 || first == 0x2013)
        return BYLINE_NONE;
    if (words >= g->sentence_words && 2 * lower_initials > words)
        return BYLINE_NONE;
    if (!src.ascii && !ascii_like(g, &src))
        return g->reference_none ? unicode_untriggered(g, text, &src) : BYLINE_MAYBE;
    int has_digit = 0, trigger = 0;
    for (Py_ssize_t i = 0; i < n;) {
        Py_UCS4 c = bat(&src, i);
        if (!ascii_word(c)) {
            i++;
            continue;
        }
        Py_ssize_t end = word_end(&src, i);
        for (Py_ssize_t k = i; k < end && !has_digit; k++)
            has_digit = ascii_digit(bat(&src, k));
        trigger = trigger || in_set(g->triggers, &src, i, end - i);
        i = end;
    }
    if (!has_digit && g->reference_none && !trigger)
        return BYLINE_NONE;
    int dated = ascii_date_match(g, text, &src);
    if (dated != 0)
        return dated < 0 ? -1 : BYLINE_MAYBE;
    /* No date. Signed: _may_be_signed may be True; then only a witness proves
     * _byline_from None. */
    int noise = ascii_noise(&src);
    int signed_ = noise ? 1 : ascii_signed(g, text, &src, words);
    if (signed_ > 0) {
        int witness = ascii_witness(g, &src);
        signed_ = witness < 0 ? -1 : !witness;
    }
    if (signed_ > 0 && !noise) {
        int nameless = ascii_nameless(g, &src);
        signed_ = nameless < 0 ? -1 : !nameless;
    }
    if (signed_ != 0)
        return signed_ < 0 ? -1 : BYLINE_UNDATED;
    return BYLINE_NONE;
}

/* ---------------------------------------------------------------- bio_name */

/* The class of a character of the BMP in fast._word_table (ODD_CHAR beyond it). */
static inline unsigned char
word_class(const Gate *g, Py_UCS4 c)
{
    if (c < 128)
        return ascii_word(c) ? WORD : NOT_WORD;
    return c < WORD_TABLE_SIZE ? g->word_table[c] : ODD_CHAR;
}

/* Whether c may be a character of the bio pattern's name words, [\p{L}\p{M}.'’\-]:
 * letters and marks are \w for regex, so a character of no \w class is none but ".'’-"
 * (a \w character of another kind, a digit, is let through). */
static inline int
may_be_name_char(const Gate *g, Py_UCS4 c)
{
    unsigned char class = word_class(g, c);
    return (class != NOT_WORD && class != ASCII_LIKE) || c == '.' || c == '\'' || c == '-'
           || c == 0x2019;
}

/* The leading \w run of the token start..start+len of src, lower-cased one character at
 * a time (Py_UNICODE_TOLOWER), as a new str; "" if the token opens with no \w character
 * or the run is longer than any verb (MAX_WORD). NULL on error. */
static PyObject *
leading_run(const Gate *g, const Src *src, Py_ssize_t start, Py_ssize_t len)
{
    Py_UCS4 run[MAX_WORD];
    Py_ssize_t n = 0;
    for (Py_ssize_t k = start; k < start + len; k++) {
        Py_UCS4 c = PyUnicode_READ(src->kind, src->data, k);
        if (word_class(g, c) != WORD)
            break;
        if (n == MAX_WORD)
            return PyUnicode_New(0, 0);
        run[n++] = Py_UNICODE_TOLOWER(c);
    }
    return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, run, n);
}

/* 1 if lexicon().bio.match(text) is certainly None (so bio_name(text) is None), else 0;
 * -1 on error.
 *
 * The pattern (words.py) is anchored: two to six name words, each an atomic run of name
 * characters followed by \s+, then an optional "(...)", then \s+ and a verb ending at
 * (?!\w). A name word is taken whole, so it must be a whole token (str.split) of name
 * characters: the character ending it is white space (\s is no wider than
 * Py_UNICODE_ISSPACE, which only fails the pattern sooner). So the first two tokens are
 * name words, and then each token up to the seventh is a name word, or opens the verb, or
 * opens with "(". A verb's words are whole \w runs (\s+ between them, (?!\w) after the
 * last): the token opening it is its first word followed by white space, or its only
 * word as the token's leading \w run, and the next token's leading run is its second
 * word. fast.gate_data gives the verbs by first word (lower-cased, each character one to
 * one), each with its second word or "". The runs are looked up lower-cased
 * (Py_UNICODE_TOLOWER), which can only let more through: the pattern is case-sensitive.
 * A token opening with a character of no \w class other than "(" may open a verb of marks
 * ("—") unless it is ASCII. */
static int
bio_none(const Gate *g, PyObject *text)
{
    Src src;
    src_init(&src, text);
    Py_ssize_t pos = 0, start, len;
    uint64_t hash;
    for (int token = 0; token <= 6; token++) {
        if (!next_token(&src, &pos, &start, &len, &hash))
            return 1; /* fewer than three tokens, or no verb after the names */
        int name = 1;
        for (Py_ssize_t k = start; k < start + len && name; k++)
            name = may_be_name_char(g, PyUnicode_READ(src.kind, src.data, k));
        if (token < 2) {
            if (!name)
                return 1;
            continue;
        }
        Py_UCS4 first = PyUnicode_READ(src.kind, src.data, start);
        if (first == '(')
            return 0; /* a note */
        if (word_class(g, first) != WORD) {
            if (first >= 128)
                return 0; /* a verb of marks ("—"), or a character read in Python */
        }
        else {
            PyObject *run = leading_run(g, &src, start, len);
            if (run == NULL)
                return -1;
            PyObject *seconds = PyDict_GetItemWithError(g->verbs, run); /* borrowed */
            Py_DECREF(run);
            if (seconds == NULL && PyErr_Occurred())
                return -1;
            if (seconds != NULL) {
                if (!PyTuple_Check(seconds)) {
                    PyErr_SetString(PyExc_TypeError, "the verbs map to tuples");
                    return -1;
                }
                Py_ssize_t next_pos = pos, next_start, next_len;
                uint64_t next_hash;
                PyObject *next = NULL;
                if (next_token(&src, &next_pos, &next_start, &next_len, &next_hash)) {
                    next = leading_run(g, &src, next_start, next_len);
                    if (next == NULL)
                        return -1;
                }
                int verb = 0;
                for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(seconds) && !verb; k++) {
                    PyObject *second = PyTuple_GET_ITEM(seconds, k);
                    if (!PyUnicode_Check(second))
                        continue;
                    verb = PyUnicode_GET_LENGTH(second) == 0
                           || (next != NULL && PyUnicode_Compare(second, next) == 0);
                }
                Py_XDECREF(next);
                if (PyErr_Occurred())
                    return -1;
                if (verb)
                    return 0;
            }
        }
        if (!name)
            return 1; /* neither a name word nor the verb: the pattern stops here */
    }
    return 1;
}

/* ---------------------------------------------------------------- the filter's scans */

/* byline_anchor(blocks, title) -> int | None: extract.anchor_index, given the title
 * stripped and case-folded: the first block whose case-folded text is the title (ASCII
 * text folds one to one, so only one as long can; other text folds to at least as many
 * characters, so only one no longer can), else the first heading of level <= 1. */
static PyObject *
byline_anchor(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 2 || !PyTuple_Check(args[0]) || !PyUnicode_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "byline_anchor(blocks: tuple, title: str)");
        return NULL;
    }
    if (byline_strings() < 0)
        return NULL;
    PyObject *blocks = args[0], *title = args[1];
    Py_ssize_t count = PyTuple_GET_SIZE(blocks), longest = PyUnicode_GET_LENGTH(title);
    int title_kind = PyUnicode_KIND(title);
    const void *title_data = PyUnicode_DATA(title);
    Field text_field, kind_field, level_field;
    field_init(&text_field, byline_str_text);
    field_init(&kind_field, byline_str_kind);
    field_init(&level_field, byline_str_level);
    for (Py_ssize_t index = 0; longest > 0 && index < count; index++) {
        PyObject *text = field_get(&text_field, PyTuple_GET_ITEM(blocks, index));
        if (text == NULL)
            return NULL;
        if (!PyUnicode_Check(text)) {
            Py_DECREF(text);
            PyErr_SetString(PyExc_TypeError, "a block's text is a str");
            return NULL;
        }
        Py_ssize_t size = PyUnicode_GET_LENGTH(text);
        int equal = 0;
        if (PyUnicode_IS_ASCII(text)) {
            if (size == longest) {
                Src src;
                src_init(&src, text);
                Py_ssize_t k = 0;
                while (k < size && bat(&src, k) == PyUnicode_READ(title_kind, title_data, k))
                    k++;
                equal = k == size;
            }
        }
        else if (size <= longest) {
            /* Case folding maps each character on its own, and an ASCII one to its lower
             * case: the folded text opens with the lower-cased ASCII characters the text
             * opens with, which must then open the title. */
            int kind = PyUnicode_KIND(text);
            const void *data = PyUnicode_DATA(text);
            Py_ssize_t k = 0;
            Py_UCS4 c;
            while (k < size && (c = PyUnicode_READ(kind, data, k)) < 128
                   && lower[c] == PyUnicode_READ(title_kind, title_data, k))
                k++;
            if (k < size && PyUnicode_READ(kind, data, k) < 128) {
                Py_DECREF(text);
                continue;
            }
            PyObject *folded = PyObject_CallMethodNoArgs(text, byline_str_casefold);
            if (folded == NULL) {
                Py_DECREF(text);
                return NULL;
            }
            equal = PyUnicode_Check(folded) && PyUnicode_Compare(folded, title) == 0;
            Py_DECREF(folded);
            if (PyErr_Occurred()) {
                Py_DECREF(text);
                return NULL;
            }
        }
        Py_DECREF(text);
        if (equal)
            return PyLong_FromSsize_t(index);
    }
    PyObject *one = PyLong_FromLong(1);
    if (one == NULL)
        return NULL;
    for (Py_ssize_t index = 0; index < count; index++) {
        PyObject *block = PyTuple_GET_ITEM(blocks, index);
        PyObject *kind = field_get(&kind_field, block);
        if (kind == NULL) {
            Py_DECREF(one);
            return NULL;
        }
        int heading = str_equal(kind, byline_str_heading);
        Py_DECREF(kind);
        if (heading > 0) {
            PyObject *level = field_get(&level_field, block);
            if (level == NULL) {
                Py_DECREF(one);
                return NULL;
            }
            heading = PyObject_RichCompareBool(level, one, Py_LE);
            Py_DECREF(level);
        }
        if (heading < 0) {
            Py_DECREF(one);
            return NULL;
        }
        if (heading) {
            Py_DECREF(one);
            return PyLong_FromSsize_t(index);
        }
    }
    Py_DECREF(one);
    Py_RETURN_NONE;
}

/* byline_head(blocks, low, high) -> list[int]: extract._head's indexes, those of the
 * blocks with low <= block.position < high. */
static PyObject *
byline_head(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 3 || !PyTuple_Check(args[0]) || !PyLong_Check(args[1]) || !PyLong_Check(args[2])) {
        PyErr_SetString(PyExc_TypeError, "byline_head(blocks: tuple, low: int, high: int)");
        return NULL;
    }
    if (byline_strings() < 0)
        return NULL;
    PyObject *blocks = args[0];
    int overflow_low, overflow_high;
    long long low = PyLong_AsLongLongAndOverflow(args[1], &overflow_low);
    long long high = PyLong_AsLongLongAndOverflow(args[2], &overflow_high);
    if (PyErr_Occurred())
        return NULL;
    PyObject *result = PyList_New(0);
    if (result == NULL)
        return NULL;
    Field position_field;
    field_init(&position_field, byline_str_position);
    for (Py_ssize_t index = 0; index < PyTuple_GET_SIZE(blocks); index++) {
        PyObject *position = field_get(&position_field, PyTuple_GET_ITEM(blocks, index));
        if (position == NULL)
            goto fail;
        int inside;
        int overflow = 1;
        long long value = 0;
        if (PyLong_CheckExact(position))
            value = PyLong_AsLongLongAndOverflow(position, &overflow);
        if (PyErr_Occurred()) {
            Py_DECREF(position);
            goto fail;
        }
        if (!overflow && !overflow_low && !overflow_high)
            inside = low <= value && value < high;
        else {
            /* Not a machine integer: compare as Python does. */
            inside = PyObject_RichCompareBool(args[1], position, Py_LE);
            if (inside > 0)
                inside = PyObject_RichCompareBool(position, args[2], Py_LT);
        }
        Py_DECREF(position);
        if (inside < 0)
            goto fail;
        if (inside) {
            PyObject *item = PyLong_FromSsize_t(index);
            if (item == NULL || PyList_Append(result, item) < 0) {
                Py_XDECREF(item);
                goto fail;
            }
            Py_DECREF(item);
        }
    }
    return result;
fail:
    Py_DECREF(result);
    return NULL;
}

/* What byline_candidates, byline_tail_inert and byline_long_paragraphs share: the
 * blocks, the indexes read, the fields, and the list of answers. */
typedef struct {
    PyObject *blocks;  /* a tuple */
    PyObject *indexes; /* a list of int */
    Field text, kind;
    PyObject *result; /* a new list */
} Scan;

/* Set up `scan` over `blocks` (a tuple) and `indexes` (a list), checked already; -1 on
 * error. */
static int
scan_start(Scan *scan, PyObject *blocks, PyObject *indexes)
{
    if (byline_strings() < 0)
        return -1;
    scan->blocks = blocks;
    scan->indexes = indexes;
    field_init(&scan->text, byline_str_text);
    field_init(&scan->kind, byline_str_kind);
    scan->result = PyList_New(0);
    return scan->result == NULL ? -1 : 0;
}

/* Set up `scan` and `g` for a function called as name(blocks, indexes, gate); -1 with
 * an exception set if the arguments are not a tuple, a list and a gate. */
static int
gated_scan_start(const char *usage, PyObject *const *args, Py_ssize_t nargs, Gate *g, Scan *scan)
{
    if (nargs != 3 || !PyTuple_Check(args[0]) || !PyList_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, usage);
        return -1;
    }
    if (gate_unpack(args[2], g) < 0)
        return -1;
    return scan_start(scan, args[0], args[1]);
}

/* The kind (a new reference) of the block at the k-th index, and the block (borrowed) in
 * *block; NULL with an exception set. */
static PyObject *
scan_kind(Scan *scan, Py_ssize_t k, PyObject **block)
{
    Py_ssize_t index = PyLong_AsSsize_t(PyList_GET_ITEM(scan->indexes, k));
    if (index == -1 && PyErr_Occurred())
        return NULL;
    if (index < 0 || index >= PyTuple_GET_SIZE(scan->blocks)) {
        PyErr_SetString(PyExc_IndexError, "an index is outside the blocks");
        return NULL;
    }
    *block = PyTuple_GET_ITEM(scan->blocks, index);
    return field_get(&scan->kind, *block);
}

/* Append `value` to the answers; -1 on error. */
static int
scan_answer(Scan *scan, Py_ssize_t value)
{
    PyObject *item = PyLong_FromSsize_t(value);
    if (item == NULL || PyList_Append(scan->result, item) < 0) {
        Py_XDECREF(item);
        return -1;
    }
    Py_DECREF(item);
    return 0;
}

/* The answers, or NULL (releasing them) when `failed`. */
static PyObject *
scan_end(Scan *scan, int failed)
{
    if (failed)
        Py_CLEAR(scan->result);
    return scan->result;
}

/* byline_candidates(blocks, head, gate) -> list[int]: the head blocks _read_head must
 * read, in order, as 8 * index + 4 * credits + byline, where credits is 1 when
 * parse_credits is certainly None there, and byline what byline_none knows (BYLINE_*).
 * Left out: blocks of a kind in gate's not_bylines, and those where both answers are
 * certainly None. */
static PyObject *
byline_candidates(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    Gate g;
    Scan scan;
    if (gated_scan_start("byline_candidates(blocks: tuple, head: list[int], gate: tuple)", args,
                         nargs, &g, &scan)
        < 0)
        return NULL;
    int failed = 0;
    for (Py_ssize_t k = 0; k < PyList_GET_SIZE(scan.indexes) && !failed; k++) {
        PyObject *block;
        PyObject *kind = scan_kind(&scan, k, &block);
        if (kind == NULL) {
            failed = 1;
            break;
        }
        int skip = 0;
        for (Py_ssize_t j = 0; j < PyTuple_GET_SIZE(g.not_bylines) && skip == 0; j++)
            skip = str_equal(kind, PyTuple_GET_ITEM(g.not_bylines, j));
        Py_DECREF(kind);
        if (skip != 0) {
            failed = skip < 0;
            continue;
        }
        PyObject *text = field_get(&scan.text, block);
        if (text == NULL) {
            failed = 1;
            break;
        }
        int byline = BYLINE_MAYBE, credits = 0;
        if (PyUnicode_Check(text)) {
            byline = byline_none(&g, text);
            credits = byline < 0 ? 0 : credits_none(&g, text);
        }
        Py_DECREF(text);
        if (byline < 0)
            failed = 1;
        else if (byline != BYLINE_NONE || !credits) {
            Py_ssize_t index = PyLong_AsSsize_t(PyList_GET_ITEM(scan.indexes, k));
            failed = scan_answer(&scan, 8 * index + 4 * credits + byline) < 0;
        }
    }
    return scan_end(&scan, failed);
}

/* byline_tail_inert(blocks, indexes, gate) -> list[int]: those of `indexes` where
 * _take_tail_block certainly takes nothing, whatever was taken: a heading, or a block
 * whose parse_credits and bio_name are certainly None (it reads the text only through
 * them). */
static PyObject *
byline_tail_inert(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    Gate g;
    Scan scan;
    if (gated_scan_start("byline_tail_inert(blocks: tuple, indexes: list[int], gate: tuple)",
                         args, nargs, &g, &scan)
        < 0)
        return NULL;
    int failed = 0;
    for (Py_ssize_t k = 0; k < PyList_GET_SIZE(scan.indexes) && !failed; k++) {
        PyObject *block;
        PyObject *kind = scan_kind(&scan, k, &block);
        if (kind == NULL) {
            failed = 1;
            break;
        }
        int inert = str_equal(kind, byline_str_heading);
        Py_DECREF(kind);
        if (inert == 0) {
            PyObject *text = field_get(&scan.text, block);
            if (text == NULL) {
                failed = 1;
                break;
            }
            inert = PyUnicode_Check(text) && credits_none(&g, text);
            if (inert)
                inert = bio_none(&g, text);
            Py_DECREF(text);
        }
        if (inert < 0)
            failed = 1;
        else if (inert)
            failed = PyList_Append(scan.result, PyList_GET_ITEM(scan.indexes, k)) < 0;
    }
    return scan_end(&scan, failed);
}

/* byline_long_paragraphs(blocks, head, removed, replaced, words) -> list[int]: the
 * indexes of `head`, in order, whose block is a paragraph, not in the set `removed`, and
 * whose text (from the dict `replaced`, else the block's) has at least `words` words
 * (str.split: Py_UNICODE_ISSPACE). */
static PyObject *
byline_long_paragraphs(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 5 || !PyTuple_Check(args[0]) || !PyList_Check(args[1]) || !PyAnySet_Check(args[2])
        || !PyDict_Check(args[3]) || !PyLong_Check(args[4])) {
        PyErr_SetString(PyExc_TypeError,
                        "byline_long_paragraphs(blocks: tuple, head: list[int], removed: set, "
                        "replaced: dict, words: int)");
        return NULL;
    }
    PyObject *removed = args[2], *replaced = args[3];
    Py_ssize_t needed = PyLong_AsSsize_t(args[4]);
    Scan scan;
    if ((needed == -1 && PyErr_Occurred()) || scan_start(&scan, args[0], args[1]) < 0)
        return NULL;
    int failed = 0;
    for (Py_ssize_t k = 0; k < PyList_GET_SIZE(scan.indexes) && !failed; k++) {
        PyObject *item = PyList_GET_ITEM(scan.indexes, k);
        PyObject *block;
        PyObject *kind = scan_kind(&scan, k, &block);
        if (kind == NULL) {
            failed = 1;
            break;
        }
        int keep = str_equal(kind, byline_str_paragraph);
        Py_DECREF(kind);
        if (keep > 0)
            keep = PySet_Contains(removed, item) == 0 ? 1 : (PyErr_Occurred() ? -1 : 0);
        if (keep <= 0) {
            failed = keep < 0;
            continue;
        }
        PyObject *text = PyDict_GetItemWithError(replaced, item); /* borrowed */
        if (text != NULL)
            Py_INCREF(text);
        else if (!PyErr_Occurred())
            text = field_get(&scan.text, block);
        if (text == NULL || !PyUnicode_Check(text)) {
            if (text != NULL && !PyErr_Occurred())
                PyErr_SetString(PyExc_TypeError, "a block's text is a str");
            Py_XDECREF(text);
            failed = 1;
            break;
        }
        Src src;
        src_init(&src, text);
        Py_ssize_t pos = 0, start, len, count = 0;
        uint64_t hash;
        while (count < needed && next_token(&src, &pos, &start, &len, &hash))
            count++;
        Py_DECREF(text);
        if (count >= needed)
            failed = PyList_Append(scan.result, item) < 0;
    }
    return scan_end(&scan, failed);
}

static PyMethodDef byline_methods[] = {
    {"byline_long_paragraphs", (PyCFunction)(void (*)(void))byline_long_paragraphs,
     METH_FASTCALL, "The head paragraphs, not removed, with at least so many words."},
    {"byline_anchor", (PyCFunction)(void (*)(void))byline_anchor, METH_FASTCALL,
     "extract.anchor_index over the blocks, given the title stripped and case-folded."},
    {"byline_head", (PyCFunction)(void (*)(void))byline_head, METH_FASTCALL,
     "The indexes of the blocks with low <= position < high."},
    {"byline_candidates", (PyCFunction)(void (*)(void))byline_candidates, METH_FASTCALL,
     "The head blocks whose byline or credit line may not be None, as 2 * index + flag."},
    {"byline_tail_inert", (PyCFunction)(void (*)(void))byline_tail_inert, METH_FASTCALL,
     "The tail blocks where _take_tail_block certainly takes nothing."},
    {NULL, NULL, 0, NULL},
};
