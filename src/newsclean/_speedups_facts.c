/* newsclean._speedups part: chrome.block_facts in one call.
 *
 * facts_function(facts_type, parts) -> Facts, a callable: Facts(text, kind, language)
 * gives what chrome._block_facts_python(text, kind, language) gives, as the same
 * BlockFacts named tuple (facts_type). On its first call it calls parts() for what it
 * reads (the lexicon's sets and tries, word sets, the compiled Python patterns, the tuned
 * constants, the reason strings: chrome._facts_parts lists them). It folds the case of
 * text other than ASCII with tables made from str.casefold (a page of 256 characters at a
 * time, when a text first has one of them). tests/test_speedups_facts.py compares it
 * with the Python code on any str and on every block of the benchmark corpus.
 *
 * The Python patterns are called only behind exact C pre-checks, each with its proof.
 * Included by _speedups.c (one translation unit): it uses Src, WordSet, Phrases,
 * is_key_char, make_tuple and speedups_shape from there. */

/* ---------------------------------------------------------------- the context */

/* The objects a Facts holds: first the parts, by their names in the dict of parts. */
enum {
    FACTS_SHAPE_TYPE,               /* shape.Shape */
    FACTS_LINES,                    /* ChromeLexicon.lines (frozenset of lexicon keys) */
    FACTS_SECTIONS,                 /* ChromeLexicon.sections */
    FACTS_COMMENTS,                 /* ChromeLexicon.comments */
    FACTS_CONTAINS,                 /* Phrases of ChromeLexicon.contains (count_contained) */
    FACTS_PREFIXES,                 /* Phrases of ChromeLexicon.prefixes */
    FACTS_TEASERS,                  /* Phrases of ChromeLexicon.teasers */
    FACTS_CREDIT_WORDS,             /* Phrases of chrome._CREDIT_WORDS */
    FACTS_CREDITED,                 /* Phrases of chrome._CREDITED_AGENCIES */
    FACTS_WIRE,                     /* Phrases of chrome._WIRE_AGENCIES */
    FACTS_SOCIAL,                   /* WordSet of ChromeLexicon.social */
    FACTS_DATE_WORDS,               /* WordSet of shape._date_words() */
    FACTS_BY_WORDS,                 /* WordSet of shape._by_first_words() */
    FACTS_STOP_WORDS,               /* {language: WordSet of its stop words} */
    FACTS_TEASER_MATCH,             /* ChromeLexicon.teaser_pattern.match */
    FACTS_CREDIT,                   /* chrome._CREDIT.search */
    FACTS_COMMENT_COUNT,            /* chrome._COMMENT_COUNT.match */
    FACTS_CLOCK,                    /* shape._CLOCK.search */
    FACTS_STRIP_BY,                 /* authors.strip_by */
    FACTS_TEASER,                   /* the reason strings, in _chrome_reason's order */
    FACTS_LABEL,
    FACTS_NO_WORDS,
    FACTS_PREFIX,
    FACTS_PHRASES,
    FACTS_SHARE_ROW,
    FACTS_PHOTO_CREDIT,
    FACTS_NAV_ROW,
    FACTS_NOTICE,
    FACTS_KEYED_CHARS,              /* shape._MAX_KEYED_CHARS, as the int speedups_shape takes */
    FACTS_PARTS,                    /* (the number of parts) */
    FACTS_TYPE = FACTS_PARTS, /* chrome.BlockFacts */
    FACTS_LOAD,                     /* the function that returns the parts */
    FACTS_CASEFOLD,                 /* "casefold", the method name */
    FACTS_LANGUAGE,                 /* the language of the last call */
    FACTS_LANGUAGE_WORDS,           /* its stop words (a WordSet or None) */
    FACTS_REFS
};

typedef enum {
    FACTS_NEED_TUPLE_TYPE,
    FACTS_NEED_FROZENSET,
    FACTS_NEED_DICT,
    FACTS_NEED_PHRASES,
    FACTS_NEED_WORDSET,
    FACTS_NEED_CALLABLE,
    FACTS_NEED_STR,
    FACTS_NEED_INT,
} FactsNeed;

static const struct {
    const char *name;
    FactsNeed need;
} facts_refs[FACTS_PARTS] = {
    {"shape_type", FACTS_NEED_TUPLE_TYPE},
    {"lines", FACTS_NEED_FROZENSET},
    {"sections", FACTS_NEED_FROZENSET},
    {"comments", FACTS_NEED_FROZENSET},
    {"contains", FACTS_NEED_PHRASES},
    {"prefixes", FACTS_NEED_PHRASES},
    {"teasers", FACTS_NEED_PHRASES},
    {"credit_words", FACTS_NEED_PHRASES},
    {"credited_agencies", FACTS_NEED_PHRASES},
    {"wire_agencies", FACTS_NEED_PHRASES},
    {"social", FACTS_NEED_WORDSET},
    {"date_words", FACTS_NEED_WORDSET},
    {"by_words", FACTS_NEED_WORDSET},
    {"stop_words", FACTS_NEED_DICT},
    {"teaser_match", FACTS_NEED_CALLABLE},
    {"credit_search", FACTS_NEED_CALLABLE},
    {"comment_count_match", FACTS_NEED_CALLABLE},
    {"clock_search", FACTS_NEED_CALLABLE},
    {"strip_by", FACTS_NEED_CALLABLE},
    {"teaser_reason", FACTS_NEED_STR},
    {"label_reason", FACTS_NEED_STR},
    {"no_words_reason", FACTS_NEED_STR},
    {"prefix_reason", FACTS_NEED_STR},
    {"phrases_reason", FACTS_NEED_STR},
    {"share_row_reason", FACTS_NEED_STR},
    {"credit_reason", FACTS_NEED_STR},
    {"row_reason", FACTS_NEED_STR},
    {"notice_reason", FACTS_NEED_STR},
    {"keyed_chars", FACTS_NEED_INT},
};

/* The sizes (ints) and costs (floats) of chrome.py and shape.py, parts too. */
enum {
    FACTS_MAX_PHRASE_LINE,
    FACTS_MAX_NOTICE,
    FACTS_MAX_HEADING_WORDS,
    FACTS_DATA_MIN_WORDS,
    FACTS_SIZES
};
static const char *facts_size_names[FACTS_SIZES] = {
    "max_phrase_line",
    "max_notice",
    "max_heading_words",
    "data_min_words",
};

enum {
    FACTS_COMMENTS_COST,
    FACTS_SECTION_COST,
    FACTS_CHROME_COST,
    FACTS_BOILERPLATE_SHARE,
    FACTS_ITEM_COST,
    FACTS_ITEM_PER_CHAR,
    FACTS_SHORT_COST,
    FACTS_SHORT_PER_CHAR,
    FACTS_COSTS
};
static const char *facts_cost_names[FACTS_COSTS] = {
    "comments_cost",
    "section_cost",
    "chrome_cost",
    "boilerplate_share",
    "item_cost",
    "item_cost_per_char",
    "short_cost",
    "short_cost_per_char",
};

/* str.casefold, one character at a time (case folding maps each character on its own),
 * by pages of 256 characters, each made when a text first has one of its characters by
 * calling str.casefold on each of them. */
#define FACTS_FOLD_PAGES (0x110000 / 256)

typedef struct {
    Py_UCS4 chars[3]; /* what the character folds to (at most three characters) */
    int len;          /* 1 to 3, or 0: str.casefold must do it */
} FactsFolded;

typedef struct {
    PyObject_HEAD
    PyObject *refs[FACTS_REFS];
    Py_ssize_t sizes[FACTS_SIZES];
    double costs[FACTS_COSTS];
    FactsFolded **fold; /* FACTS_FOLD_PAGES pages, NULL until made */
    int ready;     /* whether the parts are loaded */
} FactsObject;

/* What facts reads of the Shape it made. */
typedef struct {
    Py_ssize_t words, chars;
    int prose;
    PyObject *key; /* borrowed from the Shape */
} FactsShape;

static int
facts_traverse(FactsObject *self, visitproc visit, void *arg)
{
    for (int k = 0; k < FACTS_REFS; k++)
        Py_VISIT(self->refs[k]);
    return 0;
}

static int
facts_clear(FactsObject *self)
{
    /* (the parts function's module holds the Facts: a cycle, which the collector may clear) */
    self->ready = 0;
    for (int k = 0; k < FACTS_REFS; k++)
        Py_CLEAR(self->refs[k]);
    return 0;
}

static void
facts_fold_free(FactsObject *self)
{
    if (self->fold != NULL)
        for (Py_ssize_t p = 0; p < FACTS_FOLD_PAGES; p++)
            PyMem_Free(self->fold[p]);
    PyMem_Free(self->fold);
    self->fold = NULL;
}

static void
facts_dealloc(FactsObject *self)
{
    PyObject_GC_UnTrack(self);
    facts_clear(self);
    facts_fold_free(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* ---------------------------------------------------------------- characters */

static inline int
facts_is_decimal(Py_UCS4 c)
{
    return c < 128 ? c - '0' < 10 : Py_UNICODE_ISDECIMAL(c); /* \d */
}

static inline int
facts_is_word(Py_UCS4 c)
{
    return c < 128 ? ((c | 32) - 'a') < 26 || c - '0' < 10 || c == '_'
                   : Py_UNICODE_ISALNUM(c); /* \w */
}

/* What one pass over a text finds, for the pre-checks. */
enum {
    FACTS_SEEN_LETTER = 1,     /* is_key_char(c, 0): what _NO_WORDS needs none of */
    FACTS_SEEN_PAREN = 2,      /* ( */
    FACTS_SEEN_SLASH = 4,      /* / */
    FACTS_SEEN_COLON = 8,      /* : */
    FACTS_SEEN_DASH = 16,      /* – */
    FACTS_SEEN_SEPARATOR = 32, /* one of [|›»/·•>]: each match of _SEPARATORS has one */
    FACTS_SEEN_BAR = 64,       /* | */
    FACTS_SEEN_SPECIAL = 128,  /* İ ı ſ K: not ASCII, yet they match ASCII letters (IGNORECASE) */
    FACTS_SEEN_DIGIT = 256,    /* \d */
};

/* What each ASCII character adds (made by facts_function). */
static unsigned short facts_ascii_seen[128];

static void
facts_init_ascii_seen(void)
{
    for (unsigned c = 0; c < 128; c++)
        facts_ascii_seen[c] = (unsigned short)(
            ((c | 32) - 'a') < 26u ? FACTS_SEEN_LETTER
            : c - '0' < 10u        ? FACTS_SEEN_DIGIT
            : c == '('             ? FACTS_SEEN_PAREN
            : c == '/'             ? FACTS_SEEN_SLASH | FACTS_SEEN_SEPARATOR
            : c == ':'             ? FACTS_SEEN_COLON
            : c == '|'             ? FACTS_SEEN_SEPARATOR | FACTS_SEEN_BAR
            : c == '>'             ? FACTS_SEEN_SEPARATOR
                                   : 0);
}

/* What a character other than ASCII adds to `seen`. */
static unsigned
facts_wide_seen(Py_UCS4 c, unsigned seen)
{
    switch (c) {
    case 0x2013:
        return FACTS_SEEN_DASH;
    case 0x203a: case 0xbb: case 0xb7: case 0x2022:
        return FACTS_SEEN_SEPARATOR;
    case 0x130: case 0x131: case 0x17f: case 0x212a:
        return FACTS_SEEN_SPECIAL | FACTS_SEEN_LETTER;
    default:
        break;
    }
    if (!(seen & FACTS_SEEN_LETTER) && is_key_char(c, 0))
        return FACTS_SEEN_LETTER;
    if (!(seen & FACTS_SEEN_DIGIT) && Py_UNICODE_ISDECIMAL(c))
        return FACTS_SEEN_DIGIT; /* (a letter is no digit) */
    return 0;
}

typedef struct {
    unsigned seen;    /* FACTS_SEEN_* */
    Py_ssize_t digit; /* the first \d, or the length */
} FactsSurvey;

static void
facts_survey(const Src *raw, FactsSurvey *found)
{
    unsigned seen = 0;
    Py_ssize_t n = raw->n;
    if (raw->kind == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *chars = (const Py_UCS1 *)raw->data;
        for (Py_ssize_t i = 0; i < n; i++) {
            Py_UCS1 c = chars[i];
            seen |= c < 128 ? facts_ascii_seen[c] : facts_wide_seen(c, seen);
        }
    }
    else {
        for (Py_ssize_t i = 0; i < n; i++) {
            Py_UCS4 c = src_at(raw, i);
            seen |= c < 128 ? facts_ascii_seen[c] : facts_wide_seen(c, seen);
        }
    }
    Py_ssize_t digit = 0;
    if (seen & FACTS_SEEN_DIGIT)
        while (!facts_is_decimal(src_at(raw, digit)))
            digit++;
    else
        digit = n;
    found->seen = seen;
    found->digit = digit;
}

/* Whether a phrase of `phrases` starts at src[from] (str.startswith with a tuple); with
 * `ascii_either_case`, ASCII letters match the (lower case) phrases in either case. */
static int
facts_starts_with(PhrasesObject *phrases, const Src *src, Py_ssize_t from,
                  int ascii_either_case)
{
    int node = 0;
    for (Py_ssize_t i = from; i < src->n; i++) {
        Py_UCS4 c = src_at(src, i);
        node = phrases_child(phrases, node, ascii_either_case && c < 128 ? lower[c] : c);
        if (node == 0)
            return 0;
        if (phrases->nodes[node].phrase >= 0)
            return 1;
    }
    return 0;
}

/* The end of the shortest phrase of `phrases` that starts at src[from], or -1. */
static Py_ssize_t
facts_phrase_end(PhrasesObject *phrases, const Src *src, Py_ssize_t from)
{
    int node = 0;
    for (Py_ssize_t i = from; i < src->n; i++) {
        node = phrases_child(phrases, node, src_at(src, i));
        if (node == 0)
            return -1;
        if (phrases->nodes[node].phrase >= 0)
            return i + 1;
    }
    return -1;
}

/* Whether src holds any phrase of `phrases` (a regex alternation's search). */
static int
facts_contains_any(PhrasesObject *phrases, const Src *src)
{
    for (Py_ssize_t i = 0; i < src->n; i++) {
        Py_UCS4 c = src_at(src, i);
        if ((c >= 128 || phrases->root_ascii[c]) && facts_starts_with(phrases, src, i, 0))
            return 1;
    }
    return 0;
}

/* Whether method(args...) (a pattern's match or search) found something: 1, 0, or -1
 * with an error set. */
static int
facts_found_by(PyObject *method, PyObject *const *args, size_t nargs)
{
    PyObject *found = PyObject_Vectorcall(method, args, nargs, NULL);
    if (found == NULL)
        return -1;
    int result = found != Py_None;
    Py_DECREF(found);
    return result;
}

/* Make the fold page of the characters page * 256 to page * 256 + 255: 0, or -1. */
static int
facts_fold_page(FactsObject *self, Py_ssize_t page)
{
    FactsFolded *folds = PyMem_Calloc(256, sizeof(FactsFolded));
    if (folds == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (int k = 0; k < 256; k++) {
        PyObject *one = PyUnicode_FromOrdinal((int)(page * 256 + k));
        if (one == NULL)
            goto fail;
        PyObject *folded = PyObject_CallMethodNoArgs(one, self->refs[FACTS_CASEFOLD]);
        Py_DECREF(one);
        if (folded == NULL)
            goto fail;
        if (!PyUnicode_Check(folded)) {
            Py_DECREF(folded);
            PyErr_SetString(PyExc_TypeError, "casefold() did not return a str");
            goto fail;
        }
        Py_ssize_t len = PyUnicode_GET_LENGTH(folded);
        if (len >= 1 && len <= 3) {
            folds[k].len = (int)len;
            for (Py_ssize_t j = 0; j < len; j++)
                folds[k].chars[j] = PyUnicode_READ_CHAR(folded, j);
        }
        Py_DECREF(folded);
    }
    self->fold[page] = folds;
    return 0;
fail:
    PyMem_Free(folds);
    return -1;
}

/* Case fold the characters start..end of src into out (room for 3 per character): their
 * number; -1 when str.casefold must do it, -2 on an error. *wide is the bits of those other
 * than ASCII together (what str_of_chars needs). */
static Py_ssize_t
facts_fold_chars(FactsObject *self, const Src *src, Py_ssize_t start, Py_ssize_t end,
                 Py_UCS4 *out, Py_UCS4 *wide)
{
    Py_ssize_t len = 0;
    Py_UCS4 bits = 0;
    for (Py_ssize_t i = start; i < end; i++) {
        Py_UCS4 c = PyUnicode_READ(src->kind, src->data, i);
        if (c < 128) {
            out[len++] = lower[c];
            continue;
        }
        Py_ssize_t page = c / 256;
        if (self->fold[page] == NULL && facts_fold_page(self, page) < 0)
            return -2;
        const FactsFolded *folded = &self->fold[page][c % 256];
        if (folded->len == 0)
            return -1;
        for (int k = 0; k < folded->len; k++) {
            Py_UCS4 f = folded->chars[k];
            out[len++] = f;
            bits |= f < 128 ? 0 : f;
        }
    }
    *wide = bits;
    return len;
}

/* text.casefold() (a new reference), for text other than ASCII: folded with the fold
 * pages (or by str.casefold); ASCII text itself, which a Src reads lowered. */
static PyObject *
facts_casefold(FactsObject *self, PyObject *text)
{
    if (PyUnicode_IS_ASCII(text))
        return Py_NewRef(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    Src src;
    src_init(&src, text);
    Py_UCS4 small[600];
    Py_UCS4 *out = 3 * n <= 600 ? small : PyMem_Malloc((size_t)(3 * n) * sizeof(Py_UCS4));
    if (out == NULL)
        return PyErr_NoMemory();
    Py_UCS4 wide;
    Py_ssize_t len = facts_fold_chars(self, &src, 0, n, out, &wide);
    PyObject *folded = len >= 0    ? str_of_chars(out, len, wide)
                       : len == -1 ? PyObject_CallMethodNoArgs(text, self->refs[FACTS_CASEFOLD])
                                   : NULL;
    if (out != small)
        PyMem_Free(out);
    if (folded != NULL && !PyUnicode_Check(folded)) {
        Py_DECREF(folded);
        PyErr_SetString(PyExc_TypeError, "casefold() did not return a str");
        return NULL;
    }
    return folded;
}

/* ---------------------------------------------------------------- the reason */

/* chrome._is_separated_row: re.split of chrome._SEPARATORS (\s[|›»/·•>]\s|\s?[|›»·•]\s?),
 * scanned as the regex scans: at each position the first branch, then the second (whose
 * optional \s is taken when a separator follows it, else the separator must be here);
 * neither can match empty. Of the parts between the matches, those with a non-space
 * character count, and their words (str.split()). */
static inline int
facts_is_separator(Py_UCS4 c, int wide)
{
    /* [|›»·•], and with `wide` [|›»/·•>] */
    return c == '|' || c == 0x203a || c == 0xbb || c == 0xb7 || c == 0x2022
           || (wide && (c == '/' || c == '>'));
}

static int
facts_is_separated_row(const Src *raw)
{
    Py_ssize_t n = raw->n, parts = 0, words = 0, part = 0, i = 0;
    for (;;) {
        Py_ssize_t cut = n, end = n; /* the next match, or none: the last part */
        for (; i < n; i++) {
            Py_UCS4 c = src_at(raw, i);
            if (Py_UNICODE_ISSPACE(c)) {
                if (i + 2 < n && facts_is_separator(src_at(raw, i + 1), 1)
                    && Py_UNICODE_ISSPACE(src_at(raw, i + 2)))
                    end = i + 3; /* \s[|›»/·•>]\s */
                else if (i + 1 < n && facts_is_separator(src_at(raw, i + 1), 0))
                    end = i + 2; /* \s[|›»·•], then \s? */
                else
                    continue;
            }
            else if (facts_is_separator(c, 0))
                end = i + 1; /* [|›»·•], then \s? */
            else
                continue;
            if (end != i + 3 && end < n && Py_UNICODE_ISSPACE(src_at(raw, end)))
                end++;
            cut = i;
            break;
        }
        /* The part from `part` to `cut`: its words, as str.split() counts them. */
        Py_ssize_t tokens = 0;
        int in_token = 0;
        for (Py_ssize_t k = part; k < cut; k++) {
            int blank = Py_UNICODE_ISSPACE(src_at(raw, k));
            if (!blank && !in_token)
                tokens++;
            in_token = !blank;
        }
        if (tokens) {
            parts++;
            words += tokens;
        }
        if (cut == n)
            break;
        part = i = end;
    }
    /* sum(words) / len(parts) <= 3.5, in integers */
    return parts >= 3 && 2 * words <= 7 * parts;
}

/* The pre-checks of chrome._CREDIT (IGNORECASE), whose branches are A: "credit", white
 * space and "...", "…" or ":"; B: a photo word ("photo", "photograph", "image", "imagen",
 * ...), white space and ":", "by" or "credit"; C: "(", optionally up to 40 characters
 * other than parentheses and a "/", white space, an agency, up to 40 characters other
 * than parentheses, ")" and only white space after it; D: "/", white space, an agency
 * and only white space after it. They hold for "plain" text, which has none of İ ı ſ K:
 * in it only ASCII letters (in either case) match the ASCII letters of the agencies, and
 * what matches a letter of a word of A or B folds to that letter, so that a match of A or
 * B is a word of _CREDIT_WORDS in the case-folded text (tests/test_speedups_facts.py
 * checks both over all of Unicode). */

static inline int
facts_is_ascii_letter(Py_UCS4 c)
{
    return ((c | 32) - 'a') < 26;
}

/* Whether A or B can match ASCII text (`folded` is it lowered: the same positions): a
 * word of _CREDIT_WORDS (the start of each word of A and B) followed by more letters
 * ("graph", "n") with a "b" or "c" among them ("photoby"), or by letters and white space
 * and then ":", "." or "b" or "c". */
static int
facts_may_credit_ascii_words(PhrasesObject *words, const Src *folded)
{
    Py_ssize_t n = folded->n;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = src_at(folded, i);
        if (!words->root_ascii[c])
            continue;
        Py_ssize_t end = facts_phrase_end(words, folded, i);
        if (end < 0)
            continue;
        while (end < n && facts_is_ascii_letter(c = src_at(folded, end))) {
            if (c == 'b' || c == 'c')
                return 1;
            end++;
        }
        while (end < n && Py_UNICODE_ISSPACE(src_at(folded, end)))
            end++;
        if (end < n) {
            c = src_at(folded, end);
            if (c == ':' || c == '.' || c == 'b' || c == 'c')
                return 1;
        }
    }
    return 0;
}

/* The end of raw less the white space at its end. */
static Py_ssize_t
facts_trimmed_end(const Src *raw)
{
    Py_ssize_t end = raw->n;
    while (end > 0 && Py_UNICODE_ISSPACE(src_at(raw, end - 1)))
        end--;
    return end;
}

/* Whether C can match plain text: its last character other than white space is a ")",
 * and after the "(" before it (the last one, with no ")" between), or after a "/" at
 * most 41 characters after that "(", and white space, an agency starts. */
static int
facts_may_credit_paren(PhrasesObject *agencies, const Src *raw)
{
    Py_ssize_t end = facts_trimmed_end(raw);
    if (end == 0 || src_at(raw, end - 1) != ')')
        return 0;
    Py_ssize_t open = end - 2;
    while (open >= 0 && src_at(raw, open) != '(' && src_at(raw, open) != ')')
        open--;
    if (open < 0 || src_at(raw, open) != '(')
        return 0;
    for (Py_ssize_t at = open; at < end - 1 && at - open - 1 <= 40; at++) {
        if (at != open && src_at(raw, at) != '/')
            continue;
        Py_ssize_t k = at + 1;
        while (k < end - 1 && Py_UNICODE_ISSPACE(src_at(raw, k)))
            k++;
        if (facts_starts_with(agencies, raw, k, 1))
            return 1;
    }
    return 0;
}

/* Whether D can match plain text: after the last "/" (an agency has none) come only white
 * space and letters, a letter last, and after the white space that follows the "/" an
 * agency starts. */
static int
facts_may_credit_slash(PhrasesObject *agencies, const Src *raw)
{
    Py_ssize_t end = facts_trimmed_end(raw);
    if (end == 0 || !facts_is_ascii_letter(src_at(raw, end - 1)))
        return 0;
    for (Py_ssize_t i = end - 1; i >= 0; i--) {
        Py_UCS4 c = src_at(raw, i);
        if (c == '/') {
            Py_ssize_t k = i + 1;
            while (k < end && Py_UNICODE_ISSPACE(src_at(raw, k)))
                k++;
            return facts_starts_with(agencies, raw, k, 1);
        }
        if (!facts_is_ascii_letter(c) && !Py_UNICODE_ISSPACE(c))
            return 0;
    }
    return 0;
}

/* chrome._short_line_reason (a borrowed reason string in *reason, or NULL): 0, or -1 with
 * an error set. */
static int
facts_short_line_reason(FactsObject *self, PyObject *text, const Src *raw, const FactsSurvey *seen,
                        const Src *folded, const FactsShape *shape, Py_ssize_t phrases,
                        PyObject **reason)
{
    /* folded.lstrip(" *-•·>|»›"), then the prefixes that start it */
    Py_ssize_t start = 0;
    for (; start < folded->n; start++) {
        Py_UCS4 c = src_at(folded, start);
        if (!(c == ' ' || c == '*' || c == '-' || c == 0x2022 || c == 0xb7 || c == '>'
              || c == '|' || c == 0xbb || c == 0x203a))
            break;
    }
    if (facts_starts_with((PhrasesObject *)self->refs[FACTS_PREFIXES], folded, start, 0)) {
        *reason = self->refs[FACTS_PREFIX];
        return 0;
    }
    if (phrases) {
        *reason = self->refs[FACTS_PHRASES];
        return 0;
    }
    /* A share row: at least two words of the social list, and at least half the words. */
    Src key;
    src_init(&key, shape->key);
    const WordSetObject *social = (WordSetObject *)self->refs[FACTS_SOCIAL];
    Py_ssize_t pos = 0, at, len, words = 0, known = 0;
    uint64_t hash;
    while (next_token(&key, &pos, &at, &len, &hash)) {
        words++;
        if (len <= MAX_WORD && wordset_probe(social, &key, at, len, hash) >= 0)
            known++;
    }
    if (known >= 2 && 2 * known >= words) {
        *reason = self->refs[FACTS_SHARE_ROW];
        return 0;
    }
    /* The reference tries _CREDIT when the text has "(" or "/" or a word of _CREDIT_WORDS
     * (case-folded, which A and B need in plain text); in plain text, only when one of
     * its branches can match. */
    PhrasesObject *credit_words = (PhrasesObject *)self->refs[FACTS_CREDIT_WORDS];
    int may_credit;
    if (!(seen->seen & FACTS_SEEN_SPECIAL)) {
        /* (in ASCII text, what facts_may_credit_ascii_words finds holds a word) */
        may_credit = PyUnicode_IS_ASCII(text) ? facts_may_credit_ascii_words(credit_words, folded)
                                              : facts_contains_any(credit_words, folded);
        PhrasesObject *credited = (PhrasesObject *)self->refs[FACTS_CREDITED];
        PhrasesObject *wire = (PhrasesObject *)self->refs[FACTS_WIRE];
        may_credit = may_credit
                     || (seen->seen & FACTS_SEEN_PAREN && facts_may_credit_paren(credited, raw))
                     || (seen->seen & FACTS_SEEN_SLASH && facts_may_credit_slash(wire, raw));
    }
    else
        may_credit = seen->seen & (FACTS_SEEN_PAREN | FACTS_SEEN_SLASH)
                     || facts_contains_any(credit_words, folded);
    if (may_credit) {
        int found = facts_found_by(self->refs[FACTS_CREDIT], &text, 1);
        if (found < 0)
            return -1;
        if (found) {
            *reason = self->refs[FACTS_PHOTO_CREDIT];
            return 0;
        }
    }
    if (seen->seen & FACTS_SEEN_SEPARATOR && facts_is_separated_row(raw))
        *reason = self->refs[FACTS_NAV_ROW];
    return 0;
}

/* chrome._block_reason: 0 with a borrowed reason string (or NULL) in *reason, or -1. */
static int
facts_block_reason(FactsObject *self, PyObject *text, const Src *raw, const FactsSurvey *seen,
                   const Src *folded, const FactsShape *shape, Py_ssize_t phrases, int table_cell,
                   PyObject **reason)
{
    *reason = NULL;
    /* _chrome_reason: a teaser label opens it (the pattern is tried only on the lines that
     * open with a teaser, as in _is_teaser) */
    if (facts_starts_with((PhrasesObject *)self->refs[FACTS_TEASERS], folded, 0, 0)) {
        int found = facts_found_by(self->refs[FACTS_TEASER_MATCH], &text, 1);
        if (found < 0)
            return -1;
        if (found) {
            *reason = self->refs[FACTS_TEASER];
            return 0;
        }
    }
    int label = PySet_Contains(self->refs[FACTS_LINES], shape->key);
    if (label < 0)
        return -1;
    if (label) {
        *reason = self->refs[FACTS_LABEL];
        return 0;
    }
    if (!shape->prose) {
        /* _NO_WORDS (^[\W\d_]*$) matches when no character is \w less \d and '_': no
         * is_key_char (the $ before a last "\n" changes nothing: "\n" is \W). */
        if (!(seen->seen & FACTS_SEEN_LETTER)) {
            /* a number in a table (from HTML) is data, not a stray line */
            *reason = table_cell ? NULL : self->refs[FACTS_NO_WORDS];
            return 0;
        }
        if (shape->chars <= self->sizes[FACTS_MAX_PHRASE_LINE]
            && facts_short_line_reason(self, text, raw, seen, folded, shape, phrases, reason) < 0)
            return -1;
    }
    if (*reason == NULL && shape->chars <= self->sizes[FACTS_MAX_NOTICE] && phrases >= 2)
        *reason = self->refs[FACTS_NOTICE];
    return 0;
}

/* ---------------------------------------------------------------- the section cost */

/* Whether chrome._COMMENT_COUNT can match text (IGNORECASE):
 *   ^\W*(?:\d+\s+)?(?:comments?|responses?|replies|reactions|kommentare?|commentaires?|
 *   réactions|comentarios?|comentários?|commenti|комментари\w*)(?:...)
 * \W* stops at the first \w (no \W character matches \d or a letter of the words); there a
 * \d opens the count, which must end in white space and be followed by the word after the
 * \s+; the word starts with c, r, k or к, which match (IGNORECASE: the characters whose
 * simple lower case is one of them) C, R, K, the Kelvin sign and К as well (the test
 * checks all of Unicode). */
static int
facts_may_count_comments(const Src *raw)
{
    Py_ssize_t i = 0, n = raw->n;
    while (i < n && !facts_is_word(src_at(raw, i)))
        i++;
    if (i < n && facts_is_decimal(src_at(raw, i))) {
        while (i < n && facts_is_decimal(src_at(raw, i)))
            i++;
        if (i >= n || !Py_UNICODE_ISSPACE(src_at(raw, i)))
            return 0;
        while (i < n && Py_UNICODE_ISSPACE(src_at(raw, i)))
            i++;
    }
    if (i >= n)
        return 0;
    switch (src_at(raw, i)) {
    case 'c': case 'C': case 'r': case 'R': case 'k': case 'K': case 0x212a: case 0x43a:
    case 0x41a:
        return 1;
    default:
        return 0;
    }
}

/* chrome._section_cost: 0 with the cost in *section, or -1. */
static int
facts_section_cost(FactsObject *self, PyObject *text, const Src *raw, const FactsShape *shape,
                   int list_item, double *section)
{
    *section = 0.0;
    if (list_item)
        return 0; /* a "Comments" button in a share row */
    if (shape->words <= self->sizes[FACTS_MAX_HEADING_WORDS]) {
        int found = 0;
        if (facts_may_count_comments(raw)) {
            found = facts_found_by(self->refs[FACTS_COMMENT_COUNT], &text, 1);
            if (found < 0)
                return -1;
        }
        if (!found && shape->words <= 8) {
            found = PySet_Contains(self->refs[FACTS_COMMENTS], shape->key);
            if (found < 0)
                return -1;
        }
        if (found) {
            *section = self->costs[FACTS_COMMENTS_COST];
            return 0;
        }
    }
    if (shape->prose || shape->words > 8)
        return 0;
    int found = PySet_Contains(self->refs[FACTS_SECTIONS], shape->key);
    if (found < 0)
        return -1;
    if (found)
        *section = self->costs[FACTS_SECTION_COST];
    return 0;
}

/* shape.block_weight */
static double
facts_block_weight(const FactsObject *self, const FactsShape *shape, int list_item, int chrome,
                   double section, Py_ssize_t phrases)
{
    if (section != 0.0)
        return -section;
    if (chrome)
        return -self->costs[FACTS_CHROME_COST];
    if (shape->prose) {
        if (phrases >= 2)
            return -self->costs[FACTS_BOILERPLATE_SHARE] * (double)shape->chars;
        return phrases == 1 ? 0.0 : (double)shape->chars;
    }
    double base = self->costs[list_item ? FACTS_ITEM_COST : FACTS_SHORT_COST];
    double per_char = self->costs[list_item ? FACTS_ITEM_PER_CHAR : FACTS_SHORT_PER_CHAR];
    return -(base + per_char * (double)(shape->chars < 200 ? shape->chars : 200));
}

/* ---------------------------------------------------------------- the header line */

/* shape._opens_with_by: 1, 0, or -1. */
static int
facts_opens_with_by(FactsObject *self, PyObject *text, const Src *raw)
{
    /* The first word of text[:24] (str.split()), case-folded, less its trailing colons. */
    Py_ssize_t limit = raw->n < 24 ? raw->n : 24, i = 0;
    while (i < limit && Py_UNICODE_ISSPACE(src_at(raw, i)))
        i++;
    if (i >= limit)
        return 0;
    Py_ssize_t start = i;
    int ascii = 1;
    for (; i < limit; i++) {
        Py_UCS4 c = src_at(raw, i);
        if (Py_UNICODE_ISSPACE(c))
            break;
        ascii = ascii && c < 128;
    }
    const WordSetObject *by_words = (WordSetObject *)self->refs[FACTS_BY_WORDS];
    int known;
    if (ascii) {
        Py_UCS1 word[24];
        Py_ssize_t len = i - start;
        for (Py_ssize_t k = 0; k < len; k++)
            word[k] = lower[src_at(raw, start + k)];
        while (len > 0 && word[len - 1] == ':')
            len--;
        Src src = {PyUnicode_1BYTE_KIND, word, len, 1};
        known = wordset_slot(by_words, &src, 0, len) >= 0;
    }
    else {
        Py_UCS4 word[3 * 24];
        Py_UCS4 wide;
        Py_ssize_t len = facts_fold_chars(self, raw, start, i, word, &wide);
        PyObject *folded = NULL;
        Src src = {PyUnicode_4BYTE_KIND, word, len, 0};
        if (len == -2)
            return -1;
        if (len == -1) {
            PyObject *token = PyUnicode_Substring(text, start, i);
            if (token == NULL)
                return -1;
            folded = PyObject_CallMethodNoArgs(token, self->refs[FACTS_CASEFOLD]);
            Py_DECREF(token);
            if (folded == NULL)
                return -1;
            if (!PyUnicode_Check(folded)) {
                Py_DECREF(folded);
                PyErr_SetString(PyExc_TypeError, "casefold() did not return a str");
                return -1;
            }
            src_init(&src, folded);
        }
        while (src.n > 0 && src_at(&src, src.n - 1) == ':')
            src.n--;
        known = wordset_slot(by_words, &src, 0, src.n) >= 0;
        Py_XDECREF(folded);
    }
    if (!known)
        return 0; /* most lines start with no such word */
    PyObject *stripped = PyObject_CallOneArg(self->refs[FACTS_STRIP_BY], text);
    if (stripped == NULL)
        return -1;
    if (!PyTuple_Check(stripped) || PyTuple_GET_SIZE(stripped) != 2) {
        Py_DECREF(stripped);
        PyErr_SetString(PyExc_TypeError, "strip_by() did not return a pair");
        return -1;
    }
    int result = PyObject_IsTrue(PyTuple_GET_ITEM(stripped, 1));
    Py_DECREF(stripped);
    return result;
}

/* The length of the run of \d at raw[from]. */
static Py_ssize_t
facts_digits_at(const Src *raw, Py_ssize_t from)
{
    Py_ssize_t i = from;
    while (i < raw->n && facts_is_decimal(src_at(raw, i)))
        i++;
    return i - from;
}

static inline int
facts_is_date_mark(Py_UCS4 c)
{
    return c == '-' || c == '.' || c == '/'; /* [-./] */
}

/* Whether shape._NUMERIC_DATE (\b\d{1,4}[-./]\d{1,2}[-./]\d{1,4}\b) finds a match in
 * raw (from `at`, its first \d, on). A match starts where a run of \w starts (\b before a
 * \d, which is \w; \b looks at the character before even where the search starts), and
 * each \d{m,n} takes a whole run of \d: what follows it is [-./] or a \b. */
static int
facts_is_numeric_date(const Src *raw, Py_ssize_t at)
{
    Py_ssize_t n = raw->n;
    for (Py_ssize_t i = at; i < n; i++) {
        if (!facts_is_decimal(src_at(raw, i)) || (i > 0 && facts_is_word(src_at(raw, i - 1))))
            continue;
        Py_ssize_t run = facts_digits_at(raw, i), j = i + run;
        if (run > 4 || j >= n || !facts_is_date_mark(src_at(raw, j)))
            continue;
        run = facts_digits_at(raw, j + 1);
        Py_ssize_t k = j + 1 + run;
        if (run < 1 || run > 2 || k >= n || !facts_is_date_mark(src_at(raw, k)))
            continue;
        run = facts_digits_at(raw, k + 1);
        Py_ssize_t end = k + 1 + run;
        if (run >= 1 && run <= 4 && (end >= n || !facts_is_word(src_at(raw, end))))
            return 1;
    }
    return 0;
}

/* shape._is_date_line of text (its letters are the runs of letters of `folded`, which are
 * the words of the lexicon key, or what _LETTER_RUNS finds): 1, 0, or -1. */
static int
facts_is_date_line(FactsObject *self, PyObject *text, const Src *raw, const FactsSurvey *seen,
                   const Src *folded)
{
    Py_ssize_t n = raw->n, at = seen->digit;
    if (at >= n)
        return 0;
    if (facts_is_numeric_date(raw, at))
        return 1;
    /* _CLOCK (\b\d{1,2}[:.h]\d{2}..., IGNORECASE) needs a digit, one of ":", ".", "h" or
     * "H" (the characters whose simple lower case is in [:.h]) and a digit in a row. */
    int may = 0;
    for (Py_ssize_t i = at; i + 2 < n && !may; i++) {
        if (!facts_is_decimal(src_at(raw, i)))
            continue;
        Py_UCS4 c = src_at(raw, i + 1);
        may = (c == ':' || c == '.' || c == 'h' || c == 'H')
              && facts_is_decimal(src_at(raw, i + 2));
    }
    if (may) {
        PyObject *start = PyLong_FromSsize_t(at);
        if (start == NULL)
            return -1;
        PyObject *args[2] = {text, start};
        int found = facts_found_by(self->refs[FACTS_CLOCK], args, 2);
        Py_DECREF(start);
        if (found)
            return found;
    }
    const WordSetObject *dates = (WordSetObject *)self->refs[FACTS_DATE_WORDS];
    Py_ssize_t i = 0, m = folded->n;
    while (i < m) {
        while (i < m && !is_key_char(src_at(folded, i), 0))
            i++;
        Py_ssize_t start = i;
        while (i < m && is_key_char(src_at(folded, i), 0))
            i++;
        if (i > start && i - start <= MAX_WORD
            && wordset_slot(dates, folded, start, i - start) >= 0)
            return 1;
    }
    return 0;
}

/* shape.shape_is_header_line: 1, 0, or -1. */
static int
facts_is_header_line(FactsObject *self, PyObject *text, const Src *raw, const FactsSurvey *seen,
                     const Src *folded)
{
    int found = facts_opens_with_by(self, text, raw);
    if (found == 0)
        found = facts_is_date_line(self, text, raw, seen, folded);
    if (found || !(seen->seen & FACTS_SEEN_BAR))
        return found;
    /* text.count(" | ") >= 2 */
    Py_ssize_t bars = 0;
    for (Py_ssize_t i = 0; i + 2 < raw->n && bars < 2;) {
        if (src_at(raw, i) == ' ' && src_at(raw, i + 1) == '|' && src_at(raw, i + 2) == ' ') {
            bars++;
            i += 3;
        }
        else
            i++;
    }
    return bars >= 2;
}

/* ---------------------------------------------------------------- the data line */

static inline int
facts_is_data_mark(Py_UCS4 c)
{
    return c == ':' || c == 0x2013; /* [:–] */
}

/* Whether chrome._DATA_LINE (\d.*[:–]\s+\w|\w[:–]\s+.*\d) finds a match in text. "."
 * is any character but "\n"; no character is both \s and \w, so "\s+\w" is a run of white
 * space and a \w after it, and in the second branch ".*\d" may start where the white
 * space ends (a \d is no white space). The first branch: a mark after a \d with no
 * "\n" between; the second: a \w, a mark and white space, then a \d before a "\n". */
static int
facts_is_data_line(const Src *raw)
{
    Py_ssize_t n = raw->n;
    int digit = 0; /* a \d since the last "\n" */
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = src_at(raw, i);
        if (facts_is_data_mark(c) && i + 1 < n && Py_UNICODE_ISSPACE(src_at(raw, i + 1))) {
            Py_ssize_t end = i + 1;
            while (end < n && Py_UNICODE_ISSPACE(src_at(raw, end)))
                end++;
            if (digit && end < n && facts_is_word(src_at(raw, end)))
                return 1;
            if (i > 0 && facts_is_word(src_at(raw, i - 1))) {
                for (Py_ssize_t k = end; k < n && src_at(raw, k) != '\n'; k++)
                    if (facts_is_decimal(src_at(raw, k)))
                        return 1;
            }
        }
        if (c == '\n')
            digit = 0;
        else if (facts_is_decimal(c))
            digit = 1;
    }
    return 0;
}

/* ---------------------------------------------------------------- loading the parts */

static int
facts_check(PyObject *value, FactsNeed need)
{
    switch (need) {
    case FACTS_NEED_TUPLE_TYPE:
        return PyType_Check(value) && PyType_IsSubtype((PyTypeObject *)value, &PyTuple_Type);
    case FACTS_NEED_FROZENSET:
        return PyFrozenSet_CheckExact(value);
    case FACTS_NEED_DICT:
        return PyDict_CheckExact(value);
    case FACTS_NEED_PHRASES:
        return PyObject_TypeCheck(value, &PhrasesType);
    case FACTS_NEED_WORDSET:
        return PyObject_TypeCheck(value, &WordSetType);
    case FACTS_NEED_CALLABLE:
        return PyCallable_Check(value);
    case FACTS_NEED_STR:
        return PyUnicode_Check(value);
    case FACTS_NEED_INT:
        return PyLong_Check(value);
    }
    return 0;
}

/* The part `name` of the dict `parts` (borrowed), or NULL with an error set. */
static PyObject *
facts_part(PyObject *parts, const char *name)
{
    PyObject *value = PyDict_GetItemString(parts, name);
    if (value == NULL)
        PyErr_Format(PyExc_KeyError, "the parts of block_facts need %s", name);
    return value;
}

/* Take the parts from the dict `parts`: 0, or -1 (with nothing kept: a later call tries
 * again). */
static int
facts_take(FactsObject *self, PyObject *parts)
{
    if (!PyDict_CheckExact(parts)
        || PyDict_Size(parts) != FACTS_PARTS + FACTS_SIZES + FACTS_COSTS) {
        PyErr_SetString(PyExc_TypeError, "the parts of block_facts are not the dict it needs");
        return -1;
    }
    for (int k = 0; k < FACTS_PARTS; k++) {
        PyObject *value = facts_part(parts, facts_refs[k].name);
        if (value == NULL)
            goto fail;
        if (!facts_check(value, facts_refs[k].need)) {
            PyErr_Format(PyExc_TypeError, "the part %s of block_facts has the wrong type",
                         facts_refs[k].name);
            goto fail;
        }
        self->refs[k] = Py_NewRef(value);
    }
    for (int k = 0; k < FACTS_SIZES; k++) {
        PyObject *value = facts_part(parts, facts_size_names[k]);
        if (value == NULL)
            goto fail;
        self->sizes[k] = PyLong_AsSsize_t(value);
        if (self->sizes[k] == -1 && PyErr_Occurred())
            goto fail;
    }
    for (int k = 0; k < FACTS_COSTS; k++) {
        PyObject *value = facts_part(parts, facts_cost_names[k]);
        if (value == NULL)
            goto fail;
        self->costs[k] = PyFloat_AsDouble(value);
        if (self->costs[k] == -1.0 && PyErr_Occurred())
            goto fail;
    }
    facts_fold_free(self);
    self->fold = PyMem_Calloc(FACTS_FOLD_PAGES, sizeof(FactsFolded *));
    if (self->fold == NULL) {
        PyErr_NoMemory();
        goto fail;
    }
    self->ready = 1;
    return 0;
fail:
    for (int k = 0; k < FACTS_PARTS; k++)
        Py_CLEAR(self->refs[k]);
    return -1;
}

/* Call the parts function once: 0, or -1. */
static int
facts_load(FactsObject *self)
{
    if (self->refs[FACTS_LOAD] == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "block_facts was cleared");
        return -1;
    }
    PyObject *parts = PyObject_CallNoArgs(self->refs[FACTS_LOAD]);
    if (parts == NULL)
        return -1;
    /* (the parts function may have let another thread load them meanwhile) */
    int result = self->ready ? 0 : facts_take(self, parts);
    Py_DECREF(parts);
    return result;
}

/* ---------------------------------------------------------------- Facts() */

/* The shape of text (shape.measure: the compiled shape), a new reference; *measured
 * borrows from it. */
static PyObject *
facts_measure(FactsObject *self, PyObject *text, PyObject *folded, PyObject *language,
              FactsShape *measured)
{
    PyObject *stopwords = Py_None;
    int known = 0;
    if (language == self->refs[FACTS_LANGUAGE])
        stopwords = self->refs[FACTS_LANGUAGE_WORDS]; /* (a page's blocks come in a row) */
    else if ((known = PyObject_IsTrue(language)) < 0)
        return NULL;
    if (known) {
        /* stopwords_of(language): _stopwords().get(language) if language else None */
        stopwords = PyDict_GetItemWithError(self->refs[FACTS_STOP_WORDS], language);
        if (stopwords == NULL && PyErr_Occurred())
            return NULL;
        if (stopwords == NULL)
            stopwords = Py_None;
        else if (!PyObject_TypeCheck(stopwords, &WordSetType)) {
            PyErr_SetString(PyExc_TypeError, "stop_words must map languages to WordSets");
            return NULL;
        }
    }
    if (language != self->refs[FACTS_LANGUAGE]) {
        Py_XSETREF(self->refs[FACTS_LANGUAGE], Py_NewRef(language));
        Py_XSETREF(self->refs[FACTS_LANGUAGE_WORDS], Py_NewRef(stopwords));
    }
    PyObject *args[5] = {self->refs[FACTS_SHAPE_TYPE], text, folded, stopwords,
                         self->refs[FACTS_KEYED_CHARS]};
    PyObject *shape = speedups_shape(NULL, args, 5);
    if (shape == NULL)
        return NULL;
    if (!PyTuple_Check(shape) || PyTuple_GET_SIZE(shape) != 6
        || !PyLong_Check(PyTuple_GET_ITEM(shape, 0))
        || !PyUnicode_Check(PyTuple_GET_ITEM(shape, 5))) {
        Py_DECREF(shape);
        PyErr_SetString(PyExc_TypeError, "shape() did not make a Shape");
        return NULL;
    }
    measured->words = PyLong_AsSsize_t(PyTuple_GET_ITEM(shape, 0));
    if (measured->words == -1 && PyErr_Occurred()) {
        Py_DECREF(shape);
        return NULL;
    }
    measured->chars = PyUnicode_GET_LENGTH(text);
    measured->prose = PyTuple_GET_ITEM(shape, 4) == Py_True;
    measured->key = PyTuple_GET_ITEM(shape, 5);
    return shape;
}

/* Whether text == word (ASCII). */
static inline int
facts_is_ascii_str(PyObject *text, const char *word)
{
    size_t len = strlen(word);
    return PyUnicode_IS_ASCII(text) && (size_t)PyUnicode_GET_LENGTH(text) == len
           && memcmp(PyUnicode_1BYTE_DATA(text), word, len) == 0;
}

/* Facts(text, kind, language) -> BlockFacts: chrome._block_facts_python. */
static PyObject *
facts_call(FactsObject *self, PyObject *args, PyObject *kwargs)
{
    if (PyTuple_GET_SIZE(args) != 3 || (kwargs != NULL && PyDict_GET_SIZE(kwargs) != 0)
        || !PyUnicode_Check(PyTuple_GET_ITEM(args, 0))
        || !PyUnicode_Check(PyTuple_GET_ITEM(args, 1))) {
        PyErr_SetString(PyExc_TypeError,
                        "block_facts(text: str, kind: str, language: str | None)");
        return NULL;
    }
    if (!self->ready && facts_load(self) < 0)
        return NULL;
    PyObject *text = PyTuple_GET_ITEM(args, 0);
    PyObject *kind = PyTuple_GET_ITEM(args, 1);
    int list_item = facts_is_ascii_str(kind, "list_item");
    int table_cell = facts_is_ascii_str(kind, "table_cell");
    PyObject *folded = facts_casefold(self, text);
    if (folded == NULL)
        return NULL;
    FactsShape measured;
    PyObject *shape = facts_measure(self, text, folded, PyTuple_GET_ITEM(args, 2), &measured);
    if (shape == NULL) {
        Py_DECREF(folded);
        return NULL;
    }
    Src raw, lowered;
    src_init(&raw, text);
    raw.ascii = 0; /* as it is */
    src_init(&lowered, folded);
    FactsSurvey seen = {0, 0}; /* (what only the checks of lines other than prose read) */
    if (!measured.prose)
        facts_survey(&raw, &seen);
    Py_ssize_t phrases = phrases_distinct((PhrasesObject *)self->refs[FACTS_CONTAINS], &lowered);
    if (phrases < 0)
        goto fail;
    PyObject *reason;
    if (facts_block_reason(self, text, &raw, &seen, &lowered, &measured, phrases, table_cell,
                           &reason) < 0)
        goto fail;
    double section;
    if (facts_section_cost(self, text, &raw, &measured, list_item, &section) < 0)
        goto fail;
    double weight =
        facts_block_weight(self, &measured, list_item, reason != NULL, section, phrases);
    int header = 0;
    if (!measured.prose) {
        header = facts_is_header_line(self, text, &raw, &seen, &lowered);
        if (header < 0)
            goto fail;
    }
    int data = 0;
    /* _DATA_LINE needs a digit and ":" or "–" */
    if (reason == NULL && section == 0.0 && !measured.prose
        && measured.words >= self->sizes[FACTS_DATA_MIN_WORDS]
        && seen.seen & (FACTS_SEEN_DASH | FACTS_SEEN_COLON) && seen.digit < raw.n)
        data = facts_is_data_line(&raw);
    Py_DECREF(folded);
    PyObject *items[6] = {
        shape,
        Py_NewRef(reason != NULL ? reason : Py_None),
        PyFloat_FromDouble(section),
        PyFloat_FromDouble(weight),
        Py_NewRef(header ? Py_True : Py_False),
        Py_NewRef(data ? Py_True : Py_False),
    };
    PyObject *facts = make_tuple((PyTypeObject *)self->refs[FACTS_TYPE], items, 6);
    if (facts != NULL) {
        /* Neither holds anything but str, int, float, bool, None and the untracked Shape: no
         * cycle can pass through them, and the garbage collector need not look at them
         * (it does not untrack named tuples itself; thousands are cached). */
        if (PyObject_GC_IsTracked(shape))
            PyObject_GC_UnTrack(shape);
        if (PyObject_GC_IsTracked(facts))
            PyObject_GC_UnTrack(facts);
    }
    return facts;
fail:
    Py_DECREF(shape);
    Py_DECREF(folded);
    return NULL;
}

static PyTypeObject FactsType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "newsclean._speedups.Facts",
    .tp_basicsize = sizeof(FactsObject),
    .tp_dealloc = (destructor)facts_dealloc,
    .tp_traverse = (traverseproc)facts_traverse,
    .tp_clear = (inquiry)facts_clear,
    .tp_call = (ternaryfunc)facts_call,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "chrome.block_facts compiled: Facts(text, kind, language) -> BlockFacts "
              "(made by facts_function).",
};

/* facts_function(facts_type, parts) -> Facts; parts() gives the dict of parts on the
 * first call. */
static PyObject *
speedups_facts_function(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 2 || !facts_check(args[0], FACTS_NEED_TUPLE_TYPE)
        || !PyCallable_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError,
                        "facts_function(facts_type: type, parts: Callable[[], dict])");
        return NULL;
    }
    if (PyType_Ready(&FactsType) < 0)
        return NULL;
    facts_init_ascii_seen();
    FactsObject *self = PyObject_GC_New(FactsObject, &FactsType);
    if (self == NULL)
        return NULL;
    memset(self->refs, 0, sizeof(self->refs));
    self->fold = NULL;
    self->ready = 0;
    self->refs[FACTS_TYPE] = Py_NewRef(args[0]);
    self->refs[FACTS_LOAD] = Py_NewRef(args[1]);
    self->refs[FACTS_CASEFOLD] = PyUnicode_InternFromString("casefold");
    PyObject_GC_Track(self);
    if (self->refs[FACTS_CASEFOLD] == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

static PyMethodDef facts_methods[] = {
    {"facts_function", (PyCFunction)(void (*)(void))speedups_facts_function, METH_FASTCALL,
     "chrome.block_facts compiled: a Facts, which calls parts() for what it reads once."},
    {NULL, NULL, 0, NULL},
};
