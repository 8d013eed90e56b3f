/* newsclean._speedups, part "page": the per-page glue of the text filters.
 *
 * Included by _speedups.c (one translation unit: WordSet, Src and next_token come from
 * there). Each function has a pure-Python reference, named in its comment, which the
 * callers use when the extension is not built; tests/test_speedups_page.py checks that
 * both agree under hypothesis.
 *
 * - guess_language: shape.guess_language, with a memo of each text's stop words, so the
 *   headline and chrome filters tokenize a page once.
 * - comparison_keys: shape.comparison_key of each text, with a memo.
 * - analyse_facts: chrome.analyse_facts (the block weights, the prose core, its bridges
 *   and extensions) over the facts of a page's blocks.
 * - drop_chrome: chrome._drop_chrome, the blocks DropChrome keeps and its edits.
 * - drop_repeats: duplicates._drop_repeats, the blocks DropDuplicates keeps and its edits.
 */

#if PY_VERSION_HEX >= 0x030C0000
#define PAGE_T_OBJECT_EX Py_T_OBJECT_EX
#else
#include <structmember.h>
#define PAGE_T_OBJECT_EX T_OBJECT_EX
#endif

/* ---------------------------------------------------------------- strings */

/* Strings made once, interned: names, and the texts of the edits (as the Python has them). */
enum {
    PAGE_TEXT,
    PAGE_KIND,
    PAGE_CASEFOLD,
    PAGE_MAXSIZE,
    PAGE_REMOVE,
    PAGE_QUOTE,
    PAGE_CAPTION,
    PAGE_HEADING,
    PAGE_INSIDE,
    PAGE_BEFORE,
    PAGE_AFTER,
    PAGE_NOT_PART,
    PAGE_TITLE_AGAIN,
    PAGE_REPEAT,
    PAGE_PULL_QUOTE,
    PAGE_STRINGS
};

static PyObject *page_strings[PAGE_STRINGS];

/* 0 once page_strings is filled, or -1 with an exception set. */
static int
page_strings_ready(void)
{
    static const char *values[PAGE_STRINGS] = {
        "text",
        "kind",
        "casefold",
        "maxsize",
        "remove",
        "quote",
        "caption",
        "heading",
        "chrome: ",
        "before the article's prose: ",
        "after the article's prose: ",
        "not part of the article",
        "the title printed again",
        "a repeat of an earlier block",
        "a pull quote repeated from the body",
    };
    for (int k = 0; k < PAGE_STRINGS; k++)
        if (page_strings[k] == NULL && (page_strings[k] = PyUnicode_InternFromString(values[k])) == NULL)
            return -1;
    return 0;
}

/* ---------------------------------------------------------------- memos */

/* A memo of results by text: a dict (shape._TextMemo) with a `maxsize`, emptied when it
 * holds that many entries. */
typedef struct {
    PyObject *entries;
    Py_ssize_t maxsize;
} PageMemo;

static int
page_memo_init(PageMemo *memo, PyObject *object)
{
    if (!PyDict_Check(object)) {
        PyErr_SetString(PyExc_TypeError, "a memo must be a dict with a maxsize");
        return -1;
    }
    PyObject *maxsize = PyObject_GetAttr(object, page_strings[PAGE_MAXSIZE]);
    if (maxsize == NULL)
        return -1;
    memo->entries = object;
    memo->maxsize = PyLong_AsSsize_t(maxsize);
    Py_DECREF(maxsize);
    return memo->maxsize == -1 && PyErr_Occurred() ? -1 : 0;
}

/* Keep value for text in memo: 0, or -1 with an exception set. */
static int
page_memo_store(const PageMemo *memo, PyObject *text, PyObject *value)
{
    if (PyDict_GET_SIZE(memo->entries) >= memo->maxsize)
        PyDict_Clear(memo->entries);
    return memo->maxsize > 0 ? PyDict_SetItem(memo->entries, text, value) : 0;
}

/* text case-folded as the Python does it: the text itself when it is ASCII (where case
 * folding is lowering, which the readers of Src do on the fly), else text.casefold(). */
static PyObject *
page_folded(PyObject *text)
{
    if (PyUnicode_IS_ASCII(text))
        return Py_NewRef(text);
    PyObject *folded = PyObject_CallMethodNoArgs(text, page_strings[PAGE_CASEFOLD]);
    if (folded != NULL && !PyUnicode_Check(folded)) {
        PyErr_SetString(PyExc_TypeError, "casefold() did not return a str");
        Py_CLEAR(folded);
    }
    return folded;
}

/* shape.comparison_key of text, from its folded form (see page_folded), kept in keys. */
static PyObject *
page_new_key(const PageMemo *keys, PyObject *text, PyObject *folded)
{
    Src src;
    src_init(&src, folded);
    PyObject *key = key_of(&src, 1);
    if (key != NULL && page_memo_store(keys, text, key) < 0)
        Py_CLEAR(key);
    return key;
}

/* ---------------------------------------------------------------- block fields */

/* How to read a block's `text` and `kind` (PAGE_TEXT, PAGE_KIND): document.Block is a
 * slotted dataclass, whose fields a member descriptor reads at an offset in the object.
 * For blocks of `type` (when not NULL: its attribute lookup is the generic one and finds
 * such descriptors) the fields are read where the descriptors would read them; any other
 * object is asked for the attribute. */
typedef struct {
    PyTypeObject *type;
    Py_ssize_t offsets[2];
} PageFields;

/* The attribute `name` of a class as an instance's attribute lookup finds it (the first
 * in the MRO; borrowed), NULL when it is not found or a class of the MRO keeps its
 * attributes elsewhere (static builtin types since 3.12), *error set on an error. */
static PyObject *
page_class_attribute(PyTypeObject *type, PyObject *name, int *error)
{
    PyObject *mro = type->tp_mro;
    for (Py_ssize_t i = 0; mro != NULL && PyTuple_Check(mro) && i < PyTuple_GET_SIZE(mro); i++) {
        PyObject *dict = ((PyTypeObject *)PyTuple_GET_ITEM(mro, i))->tp_dict;
        if (dict == NULL)
            return NULL;
        PyObject *found = PyDict_GetItemWithError(dict, name);
        if (found != NULL || PyErr_Occurred()) {
            *error = found == NULL;
            return found;
        }
    }
    return NULL;
}

/* The fields of blocks of sample's type (see PageFields): 0, or -1 with an exception set.
 * Only a class defined in Python whose attribute lookup is the generic one qualifies. */
static int
page_fields_init(PageFields *fields, PyObject *sample)
{
    PyTypeObject *type = Py_TYPE(sample);
    fields->type = NULL;
    if (type->tp_getattro != PyObject_GenericGetAttr || !(type->tp_flags & Py_TPFLAGS_HEAPTYPE))
        return 0;
    for (int k = 0; k < 2; k++) {
        int error = 0;
        PyObject *descr = page_class_attribute(type, page_strings[PAGE_TEXT + k], &error);
        if (error)
            return -1;
        if (descr == NULL || !PyObject_TypeCheck(descr, &PyMemberDescr_Type)
            || ((PyMemberDescrObject *)descr)->d_member->type != PAGE_T_OBJECT_EX)
            return 0;
        fields->offsets[k] = ((PyMemberDescrObject *)descr)->d_member->offset;
    }
    fields->type = type;
    return 0;
}

/* block.text (PAGE_TEXT) or block.kind (PAGE_KIND): a new reference, or NULL. */
static PyObject *
page_field(const PageFields *fields, PyObject *block, int field)
{
    if (Py_TYPE(block) == fields->type) {
        PyObject *value = *(PyObject **)((char *)block + fields->offsets[field - PAGE_TEXT]);
        if (value != NULL)
            return Py_NewRef(value);
    }
    return PyObject_GetAttr(block, page_strings[field]);
}

/* block_fields(blocks) -> (texts, kinds)
 *
 * ([block.text for block in blocks], [block.kind for block in blocks]). */
static PyObject *
page_block_fields(PyObject *module, PyObject *blocks)
{
    (void)module;
    if (page_strings_ready() < 0)
        return NULL;
    /* A tuple, which no code that reading an attribute may run can change. */
    PyObject *items = PySequence_Tuple(blocks);
    if (items == NULL)
        return NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(items);
    PyObject *texts = PyList_New(n), *kinds = PyList_New(n), *result = NULL;
    PageFields fields = {NULL, {0, 0}};
    if (n > 0 && page_fields_init(&fields, PyTuple_GET_ITEM(items, 0)) < 0)
        goto done;
    for (Py_ssize_t i = 0; texts != NULL && kinds != NULL && i < n; i++) {
        PyObject *block = PyTuple_GET_ITEM(items, i);
        PyObject *text = page_field(&fields, block, PAGE_TEXT);
        PyObject *kind = text == NULL ? NULL : page_field(&fields, block, PAGE_KIND);
        if (kind == NULL) {
            Py_XDECREF(text);
            goto done;
        }
        PyList_SET_ITEM(texts, i, text);
        PyList_SET_ITEM(kinds, i, kind);
    }
    if (texts != NULL && kinds != NULL)
        result = PyTuple_Pack(2, texts, kinds);
done:
    Py_DECREF(items);
    Py_XDECREF(texts);
    Py_XDECREF(kinds);
    return result;
}

/* ---------------------------------------------------------------- comparison_keys */

/* comparison_keys(texts, memo) -> list[str]
 *
 * [shape.comparison_key(text) for text in texts], each key kept in `memo`. */
static PyObject *
page_comparison_keys(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "comparison_keys(texts: Iterable[str], memo: _TextMemo)");
        return NULL;
    }
    PageMemo memo;
    if (page_strings_ready() < 0 || page_memo_init(&memo, args[1]) < 0)
        return NULL;
    PyObject *texts = PySequence_Tuple(args[0]); /* unchanged by what casefold() may run */
    if (texts == NULL)
        return NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(texts);
    PyObject *keys = PyList_New(n);
    for (Py_ssize_t i = 0; keys != NULL && i < n; i++) {
        PyObject *text = PyTuple_GET_ITEM(texts, i);
        PyObject *key = NULL;
        if (!PyUnicode_Check(text))
            PyErr_SetString(PyExc_TypeError, "comparison_keys() needs str texts");
        else if ((key = PyDict_GetItemWithError(memo.entries, text)) != NULL)
            Py_INCREF(key);
        else if (!PyErr_Occurred()) {
            PyObject *folded = page_folded(text);
            key = folded == NULL ? NULL : page_new_key(&memo, text, folded);
            Py_XDECREF(folded);
        }
        if (key == NULL)
            Py_CLEAR(keys);
        else
            PyList_SET_ITEM(keys, i, key);
    }
    Py_DECREF(texts);
    return keys;
}

/* ---------------------------------------------------------------- guess_language */

/* The memo entry of one text: its number of words (str.split() of it case-folded), then
 * the WordSet slot of each of its stop words, in order, as a bytes object of Py_ssize_t.
 * A text that is not ASCII has its comparison key kept in `keys` on the way: it is
 * case-folded here, and the headline and duplicate filters want the key of every block. */
static PyObject *
page_stop_word_entry(PyObject *text, const WordSetObject *stopwords, const PageMemo *keys)
{
    PyObject *folded = page_folded(text);
    if (folded == NULL)
        return NULL;
    Py_ssize_t small[128];
    Py_ssize_t *values = small, capacity = 128, count = 1;
    Src src;
    src_init(&src, folded);
    Py_ssize_t pos = 0, start, len, words = 0;
    uint64_t hash;
    PyObject *entry = NULL;
    while (next_token(&src, &pos, &start, &len, &hash)) {
        words++;
        if (len > MAX_WORD) /* WordSet refuses longer words */
            continue;
        Py_ssize_t slot = wordset_probe(stopwords, &src, start, len, hash);
        if (slot < 0)
            continue;
        if (count == capacity) {
            Py_ssize_t *grown = PyMem_Malloc((size_t)capacity * 2 * sizeof(Py_ssize_t));
            if (grown == NULL) {
                PyErr_NoMemory();
                goto done;
            }
            memcpy(grown, values, (size_t)count * sizeof(Py_ssize_t));
            if (values != small)
                PyMem_Free(values);
            values = grown;
            capacity *= 2;
        }
        values[count++] = slot;
    }
    if (folded != text) {
        int known = PyDict_Contains(keys->entries, text);
        PyObject *key = known != 0 ? NULL : page_new_key(keys, text, folded);
        if (known < 0 || (known == 0 && key == NULL))
            goto done;
        Py_XDECREF(key);
    }
    values[0] = words;
    entry = PyBytes_FromStringAndSize((const char *)values,
                                      (Py_ssize_t)((size_t)count * sizeof(Py_ssize_t)));
done:
    if (values != small)
        PyMem_Free(values);
    Py_DECREF(folded);
    return entry;
}

/* The memo entry of text (see page_stop_word_entry), from memo, else made and kept there.
 * A new reference, or NULL with an exception set. */
static PyObject *
page_memo_entry(const PageMemo *memo, PyObject *text, const WordSetObject *stopwords,
                const PageMemo *keys)
{
    PyObject *entry = PyDict_GetItemWithError(memo->entries, text);
    if (entry != NULL)
        return Py_NewRef(entry);
    if (PyErr_Occurred())
        return NULL;
    entry = page_stop_word_entry(text, stopwords, keys);
    if (entry != NULL && page_memo_store(memo, text, entry) < 0)
        Py_CLEAR(entry);
    return entry;
}

/* The counts of shape._stop_word_counts: the words of each text, case-folded, until
 * `limit` words have been seen (the text that reaches it included), and how often each stop
 * word occurs among them (counts, by slot of stopwords), the slots in order of first
 * appearance (order, `distinct` of them). Each text's own counts come from `memo`. */
typedef struct {
    Py_ssize_t seen, distinct;
    Py_ssize_t *counts, *order;
} PageStopWords;

static int
page_count_stop_words(PageStopWords *found, PyObject *texts, const WordSetObject *stopwords,
                      Py_ssize_t limit, const PageMemo *memo, const PageMemo *keys)
{
    Py_ssize_t slots = stopwords->mask + 1;
    PyObject *iterator = PyObject_GetIter(texts);
    if (iterator == NULL)
        return -1;
    PyObject *text;
    while ((text = PyIter_Next(iterator)) != NULL) {
        if (!PyUnicode_Check(text)) {
            PyErr_SetString(PyExc_TypeError, "guess_language() needs str texts");
            Py_DECREF(text);
            break;
        }
        PyObject *entry = page_memo_entry(memo, text, stopwords, keys);
        Py_DECREF(text);
        if (entry == NULL)
            break;
        Py_ssize_t size = PyBytes_Check(entry) ? PyBytes_GET_SIZE(entry) : 0;
        int broken = size == 0 || size % (Py_ssize_t)sizeof(Py_ssize_t) != 0;
        const char *bytes = broken ? NULL : PyBytes_AS_STRING(entry);
        Py_ssize_t value;
        for (Py_ssize_t k = 0; !broken && k < size / (Py_ssize_t)sizeof(Py_ssize_t); k++) {
            memcpy(&value, bytes + k * (Py_ssize_t)sizeof(Py_ssize_t), sizeof(value));
            if (k == 0)
                found->seen += value;
            else if (value < 0 || value >= slots || stopwords->slots[value].word == NULL)
                broken = 1;
            else if (found->counts[value]++ == 0)
                found->order[found->distinct++] = value;
        }
        Py_DECREF(entry);
        if (broken) {
            PyErr_SetString(PyExc_ValueError, "guess_language(): a broken memo entry");
            break;
        }
        if (found->seen >= limit)
            break;
    }
    Py_DECREF(iterator);
    return PyErr_Occurred() ? -1 : 0;
}

#define PAGE_LANGUAGE_MIN_HITS 8
#define PAGE_LANGUAGE_MIN_SHARE 0.12

/* The index (into names) of the language shape._language_of_counts picks, or -1 (none);
 * *error is set with an exception. hits and first (a count and a first appearance per
 * language) start at 0 and -1. */
static Py_ssize_t
page_best_language(const PageStopWords *found, const WordSetObject *stopwords,
                   PyObject *languages_of, Py_ssize_t *hits, Py_ssize_t *first, Py_ssize_t n,
                   int *error)
{
    for (Py_ssize_t k = 0; k < found->distinct; k++) {
        Py_ssize_t slot = found->order[k];
        PyObject *indexes = PyDict_GetItemWithError(languages_of, stopwords->slots[slot].word);
        if (indexes == NULL || !PyTuple_Check(indexes)) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_KeyError, "a stop word without its languages");
            *error = 1;
            return -1;
        }
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(indexes); i++) {
            Py_ssize_t language = PyLong_AsSsize_t(PyTuple_GET_ITEM(indexes, i));
            if (language < 0 || language >= n) {
                if (!PyErr_Occurred())
                    PyErr_SetString(PyExc_IndexError, "a language index out of range");
                *error = 1;
                return -1;
            }
            hits[language] += found->counts[slot];
            if (first[language] < 0)
                first[language] = k;
        }
    }
    /* The most hits; a tie goes to the language whose stop words come first in the text,
     * then to the language listed first. */
    Py_ssize_t best = -1;
    for (Py_ssize_t language = 0; language < n; language++)
        if (hits[language] > 0
            && (best < 0 || hits[language] > hits[best]
                || (hits[language] == hits[best] && first[language] < first[best])))
            best = language;
    if (best < 0 || hits[best] < PAGE_LANGUAGE_MIN_HITS
        || (double)hits[best] < PAGE_LANGUAGE_MIN_SHARE * (double)found->seen)
        return -1;
    return best;
}

/* guess_language(texts, limit, table, memo, keys) -> str | None
 *
 * shape.guess_language. `table` is (stopwords, names, languages_of): the WordSet of every
 * stop word, the languages in the order of the stop-word lists, and the indexes (into
 * names) of each stop word's languages. Each text's stop words are kept in `memo` (its
 * entries hold slots of `stopwords`: a memo must only ever be used with one WordSet), and
 * the comparison key of each text case-folded on the way in `keys`. */
static PyObject *
page_guess_language(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    PyObject *table = nargs == 5 ? args[2] : NULL;
    if (nargs != 5 || !PyLong_Check(args[1]) || !PyTuple_Check(table)
        || PyTuple_GET_SIZE(table) != 3
        || !PyObject_TypeCheck(PyTuple_GET_ITEM(table, 0), &WordSetType)
        || !PyTuple_Check(PyTuple_GET_ITEM(table, 1)) || !PyDict_Check(PyTuple_GET_ITEM(table, 2))) {
        PyErr_SetString(PyExc_TypeError,
                        "guess_language(texts: Iterable[str], limit: int, table: tuple[WordSet, "
                        "tuple[str, ...], dict[str, tuple[int, ...]]], memo: _TextMemo, "
                        "keys: _TextMemo)");
        return NULL;
    }
    const WordSetObject *stopwords = (WordSetObject *)PyTuple_GET_ITEM(table, 0);
    PyObject *names = PyTuple_GET_ITEM(table, 1);
    PageMemo memo, keys;
    if (page_strings_ready() < 0 || page_memo_init(&memo, args[3]) < 0
        || page_memo_init(&keys, args[4]) < 0)
        return NULL;
    Py_ssize_t limit = PyLong_AsSsize_t(args[1]);
    if (limit == -1 && PyErr_Occurred())
        return NULL;
    Py_ssize_t slots = stopwords->mask + 1, n = PyTuple_GET_SIZE(names);
    PageStopWords found = {0, 0, PyMem_Calloc((size_t)slots, sizeof(Py_ssize_t)),
                           PyMem_Malloc((size_t)slots * sizeof(Py_ssize_t))};
    Py_ssize_t *hits = PyMem_Calloc((size_t)n + 1, sizeof(Py_ssize_t));
    Py_ssize_t *first = PyMem_Malloc(((size_t)n + 1) * sizeof(Py_ssize_t));
    PyObject *result = NULL;
    if (found.counts == NULL || found.order == NULL || hits == NULL || first == NULL)
        PyErr_NoMemory();
    else if (page_count_stop_words(&found, args[0], stopwords, limit, &memo, &keys) == 0) {
        for (Py_ssize_t language = 0; language < n; language++)
            first[language] = -1;
        int error = 0;
        Py_ssize_t best =
            page_best_language(&found, stopwords, PyTuple_GET_ITEM(table, 2), hits, first, n, &error);
        if (!error)
            result = Py_NewRef(best < 0 ? Py_None : PyTuple_GET_ITEM(names, best));
    }
    PyMem_Free(found.counts);
    PyMem_Free(found.order);
    PyMem_Free(hits);
    PyMem_Free(first);
    return result;
}

/* ---------------------------------------------------------------- analyse_facts */

/* The constants of chrome.py and shape.py (tuned there; keep them equal). */
#define PAGE_COMMENTS_COST 400.0
#define PAGE_DATA_SHARE 0.3
#define PAGE_DATA_MIN_RUN 3
#define PAGE_BYLINE_REACH 4
#define PAGE_BYLINE_BONUS 400.0
#define PAGE_MAX_ANCHORS 2
#define PAGE_AFTER_SECTION_SHARE 0.5
#define PAGE_AFTER_COMMENTS_SHARE 0.3
#define PAGE_MIN_ARTICLE_WEIGHT 250.0
#define PAGE_MAX_BRIDGED 2
#define PAGE_BRIDGE_SHARE 0.5
#define PAGE_RUN_ESCALATION 0.1
#define PAGE_MAX_ESCALATION_STEPS 40

/* a * b rounded to a double, as Python rounds it. The volatile store keeps the compiler
 * from fusing the product with a later addition into one multiply-add (GCC does so by
 * default where the machine has one, e.g. on ARM64), which would round only once. */
static inline double
page_product(double a, double b)
{
    volatile double product = a * b;
    return product;
}

/* What analyse_facts reads of one block. */
typedef struct {
    double section;
    double weight; /* the base weight, then the weight */
    char header;
    char data;       /* truthy */
    char data_true;  /* == True (what list.count(True) counts) */
} PageBlock;

/* shape.prose_core over weights[0:n]: sets *start and *end and returns 1, or returns 0. */
static int
page_prose_core(const PageBlock *blocks, Py_ssize_t n, Py_ssize_t *start, Py_ssize_t *end)
{
    double best = 0.0, running = 0.0;
    Py_ssize_t from = 0;
    int found = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        double weight = blocks[i].weight;
        if (running <= 0) {
            running = weight;
            from = i;
        }
        else
            running += weight;
        if (running > best) {
            best = running;
            *start = from;
            *end = i + 1;
            found = 1;
        }
    }
    return found;
}

/* chrome._weights: each block's weight from its base weight (set in blocks). `facts` gives
 * the shapes' characters for the data lines (chrome._tabular). */
static int
page_weights(PageBlock *blocks, Py_ssize_t n, PyObject *facts)
{
    Py_ssize_t data_count = 0;
    for (Py_ssize_t i = 0; i < n; i++)
        data_count += blocks[i].data_true;
    if (data_count >= PAGE_DATA_MIN_RUN) {
        /* chrome._tabular: runs of at least three data lines count like prose. */
        Py_ssize_t from = 0;
        for (Py_ssize_t i = 0; i <= n; i++) {
            if (i < n && blocks[i].data)
                continue;
            for (Py_ssize_t k = from; i - from >= PAGE_DATA_MIN_RUN && k < i; k++) {
                PyObject *shape = PyTuple_GET_ITEM(PyTuple_GET_ITEM(facts, k), 0);
                double chars = PyFloat_AsDouble(PyTuple_GET_ITEM(shape, 1));
                if (chars == -1.0 && PyErr_Occurred())
                    return -1;
                blocks[k].weight = page_product(PAGE_DATA_SHARE, chars);
            }
            from = i + 1;
        }
    }
    int after_comments = 0;
    double discount = 1.0;
    Py_ssize_t anchor = 0, anchors_left = PAGE_MAX_ANCHORS, run = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PageBlock *block = &blocks[i];
        double weight = block->weight, section = block->section;
        if (section != 0.0) { /* true for NaN too, as Python's truth */
            after_comments = after_comments || section == PAGE_COMMENTS_COST;
            if (after_comments)
                discount = PAGE_AFTER_COMMENTS_SHARE;
            else if (PAGE_AFTER_SECTION_SHARE < discount) /* min(discount, 0.5) */
                discount = PAGE_AFTER_SECTION_SHARE;
        }
        if (weight > 0) {
            run = 0;
            weight = page_product(weight, discount);
            if (anchor > 0) {
                weight += PAGE_BYLINE_BONUS;
                anchors_left -= 1;
            }
            anchor = 0;
        }
        else {
            run += 1;
            if (weight < 0) {
                /* chrome._ESCALATION[min(run, last)]: 1 + 0.1 * min(run - 1, 40) */
                Py_ssize_t steps = run - 1 < PAGE_MAX_ESCALATION_STEPS ? run - 1
                                                                      : PAGE_MAX_ESCALATION_STEPS;
                double escalation = 1.0 + page_product(PAGE_RUN_ESCALATION, (double)steps);
                weight = page_product(weight, escalation);
            }
            if (anchors_left != 0 && !after_comments && block->header)
                anchor = PAGE_BYLINE_REACH;
            else
                anchor -= 1;
        }
        block->weight = weight;
    }
    return 0;
}

/* chrome._bridge_labels: the end of the core carried over labels to the prose after them. */
static Py_ssize_t
page_bridge(const PageBlock *blocks, Py_ssize_t n, Py_ssize_t end)
{
    while (end < n) {
        Py_ssize_t gap = end;
        while (gap < n && gap - end < PAGE_MAX_BRIDGED && blocks[gap].weight <= 0
               && blocks[gap].section == 0.0)
            gap++;
        if (gap == end || gap >= n || blocks[gap].weight <= 0)
            break;
        /* -sum(weights[end:gap]): at most two terms, where Python's sum (compensated
         * since 3.12) and a plain sum agree. */
        double sum = 0.0;
        for (Py_ssize_t k = end; k < gap; k++)
            sum += blocks[k].weight;
        double cost = -sum;
        if (blocks[gap].weight < page_product(PAGE_BRIDGE_SHARE, cost))
            break;
        end = gap + 1;
        while (end < n && blocks[end].weight > 0)
            end++;
    }
    return end;
}

/* sum(weights[start:end]) by Python's own sum (compensated since 3.12). */
static PyObject *
page_python_sum(const PageBlock *blocks, Py_ssize_t start, Py_ssize_t end)
{
    PyObject *builtins = PyImport_ImportModule("builtins");
    if (builtins == NULL)
        return NULL;
    PyObject *sum = PyObject_GetAttrString(builtins, "sum");
    Py_DECREF(builtins);
    if (sum == NULL)
        return NULL;
    PyObject *items = PyList_New(end - start);
    if (items == NULL) {
        Py_DECREF(sum);
        return NULL;
    }
    for (Py_ssize_t k = start; k < end; k++) {
        PyObject *weight = PyFloat_FromDouble(blocks[k].weight);
        if (weight == NULL) {
            Py_DECREF(items);
            Py_DECREF(sum);
            return NULL;
        }
        PyList_SET_ITEM(items, k - start, weight);
    }
    PyObject *result = PyObject_CallOneArg(sum, items);
    Py_DECREF(items);
    Py_DECREF(sum);
    return result;
}

/* chrome._sentence_like of block k: reason is None, no section, terminal, two words. */
static int
page_sentence_like(PyObject *facts, const PageBlock *blocks, Py_ssize_t k)
{
    PyObject *fact = PyTuple_GET_ITEM(facts, k);
    if (PyTuple_GET_ITEM(fact, 1) != Py_None || blocks[k].section != 0.0)
        return 0;
    PyObject *shape = PyTuple_GET_ITEM(fact, 0);
    int terminal = PyObject_IsTrue(PyTuple_GET_ITEM(shape, 2));
    if (terminal <= 0)
        return terminal;
    int overflow;
    long words = PyLong_AsLongAndOverflow(PyTuple_GET_ITEM(shape, 0), &overflow);
    if (words == -1 && PyErr_Occurred())
        return -1;
    return overflow > 0 || (overflow == 0 && words >= 2);
}

/* The core of chrome.analyse_facts, from its weights: sets *start and *end (the whole page
 * when there is no core: *found is then 0). 0, or -1 with an exception set. */
static int
page_core(PyObject *facts, PageBlock *blocks, Py_ssize_t n, Py_ssize_t *start, Py_ssize_t *end,
          int *found)
{
    *found = page_prose_core(blocks, n, start, end);
    if (!*found)
        return 0;
    *end = page_bridge(blocks, n, *end);
    Py_ssize_t first_section = n;
    for (Py_ssize_t k = 0; k < n; k++)
        if (blocks[k].section == PAGE_COMMENTS_COST) {
            first_section = k;
            break;
        }
    Py_ssize_t before_start, before_end;
    if (*start > first_section && page_prose_core(blocks, first_section, &before_start, &before_end)) {
        /* Articles come before their comments (see chrome.analyse_facts). */
        PyObject *sum = page_python_sum(blocks, before_start, before_end);
        if (sum == NULL)
            return -1;
        PyObject *least = PyFloat_FromDouble(PAGE_MIN_ARTICLE_WEIGHT);
        int enough = least == NULL ? -1 : PyObject_RichCompareBool(sum, least, Py_GE);
        Py_DECREF(sum);
        Py_XDECREF(least);
        if (enough < 0)
            return -1;
        if (enough) {
            *start = before_start;
            *end = before_end;
        }
    }
    /* chrome._extend */
    int like = 0;
    while (*end < n && (like = page_sentence_like(facts, blocks, *end)) > 0)
        (*end)++;
    if (*end < n && like < 0)
        return -1;
    while (*start > 0 && (like = page_sentence_like(facts, blocks, *start - 1)) > 0)
        (*start)--;
    if (*start > 0 && like < 0)
        return -1;
    return 0;
}

/* float(value) as Python's float arithmetic converts it (-1.0 with an exception set on
 * failure), without a call for a float. */
static inline double
page_float(PyObject *value)
{
    return PyFloat_CheckExact(value) ? PyFloat_AS_DOUBLE(value) : PyFloat_AsDouble(value);
}

/* Read the facts into blocks and the three lists; 0, or -1 with an exception set. */
static int
page_read_facts(PyObject *facts, PageBlock *blocks, PyObject *shapes, PyObject *reasons,
                PyObject *headers)
{
    Py_ssize_t n = PyTuple_GET_SIZE(facts);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *fact = PyTuple_GET_ITEM(facts, i);
        if (!PyTuple_Check(fact) || PyTuple_GET_SIZE(fact) != 6
            || !PyTuple_Check(PyTuple_GET_ITEM(fact, 0))
            || PyTuple_GET_SIZE(PyTuple_GET_ITEM(fact, 0)) < 3) {
            PyErr_SetString(PyExc_TypeError, "analyse_facts() needs a list of BlockFacts");
            return -1;
        }
        PageBlock *block = &blocks[i];
        block->section = page_float(PyTuple_GET_ITEM(fact, 2));
        if (block->section == -1.0 && PyErr_Occurred())
            return -1;
        block->weight = page_float(PyTuple_GET_ITEM(fact, 3));
        if (block->weight == -1.0 && PyErr_Occurred())
            return -1;
        int header = PyObject_IsTrue(PyTuple_GET_ITEM(fact, 4));
        PyObject *data = PyTuple_GET_ITEM(fact, 5);
        int data_truthy = PyObject_IsTrue(data);
        int data_true = data == Py_True    ? 1
                        : data == Py_False ? 0
                                           : PyObject_RichCompareBool(data, Py_True, Py_EQ);
        if (header < 0 || data_truthy < 0 || data_true < 0)
            return -1;
        block->header = (char)header;
        block->data = (char)data_truthy;
        block->data_true = (char)data_true;
        PyList_SET_ITEM(shapes, i, Py_NewRef(PyTuple_GET_ITEM(fact, 0)));
        PyList_SET_ITEM(reasons, i, Py_NewRef(PyTuple_GET_ITEM(fact, 1)));
        PyList_SET_ITEM(headers, i, Py_NewRef(PyTuple_GET_ITEM(fact, 4)));
    }
    return 0;
}

/* analyse_facts(page_type, core_type, facts) -> PageAnalysis
 *
 * chrome.analyse_facts: `facts` is a list of BlockFacts (shape, reason, section,
 * base_weight, header, data); the result is page_type(shapes, reasons, core, headers),
 * core being core_type(start, end) or None. */
static PyObject *
page_analyse_facts(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError,
                        "analyse_facts(page_type, core_type, facts: Sequence[BlockFacts])");
        return NULL;
    }
    /* A tuple, which no code that the truth of a fact may run can change. */
    PyObject *facts = PySequence_Tuple(args[2]);
    if (facts == NULL)
        return NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(facts);
    PyObject *result = NULL, *core = NULL;
    PyObject *shapes = PyList_New(n), *reasons = PyList_New(n), *headers = PyList_New(n);
    PageBlock *blocks = PyMem_Malloc((size_t)(n > 0 ? n : 1) * sizeof(PageBlock));
    if (shapes == NULL || reasons == NULL || headers == NULL || blocks == NULL) {
        if (blocks == NULL)
            PyErr_NoMemory();
        goto done;
    }
    /* On an error the lists may keep empty items: they are only freed (which allows that). */
    if (page_read_facts(facts, blocks, shapes, reasons, headers) < 0)
        goto done;
    Py_ssize_t start = 0, end = 0;
    int found = 0;
    if (n > 0 && (page_weights(blocks, n, facts) < 0
                  || page_core(facts, blocks, n, &start, &end, &found) < 0))
        goto done;
    core = found ? PyObject_CallFunction(args[1], "nn", start, end) : Py_NewRef(Py_None);
    if (core == NULL)
        goto done;
    result = PyObject_CallFunctionObjArgs(args[0], shapes, reasons, core, headers, NULL);
done:
    Py_XDECREF(core);
    Py_XDECREF(shapes);
    Py_XDECREF(reasons);
    Py_XDECREF(headers);
    Py_DECREF(facts);
    PyMem_Free(blocks);
    return result;
}

/* ---------------------------------------------------------------- edits */

/* Where the fields of an Edit live: document.Edit is a frozen dataclass with slots, whose
 * instances are made here as object.__new__ and the slot descriptors would make them
 * (document._EditDraft does the same in Python): the object, then each field set once. */
#define PAGE_EDIT_FIELDS 5

typedef struct {
    PyTypeObject *type;
    Py_ssize_t offsets[PAGE_EDIT_FIELDS]; /* filter, action, before, after, reason */
} PageEditType;

static int
page_edit_type(PyObject *type, PageEditType *edit)
{
    static const char *fields[PAGE_EDIT_FIELDS] = {"filter", "action", "before", "after",
                                                   "reason"};
    int found = 0;
    if (PyType_Check(type) && ((PyTypeObject *)type)->tp_members != NULL
        && ((PyTypeObject *)type)->tp_itemsize == 0) {
        edit->type = (PyTypeObject *)type;
        for (PyMemberDef *member = edit->type->tp_members; member->name != NULL; member++)
            for (int k = 0; k < PAGE_EDIT_FIELDS; k++)
                if (strcmp(member->name, fields[k]) == 0 && member->type == PAGE_T_OBJECT_EX) {
                    edit->offsets[k] = member->offset;
                    found |= 1 << k;
                }
    }
    if (found != (1 << PAGE_EDIT_FIELDS) - 1) {
        PyErr_SetString(PyExc_TypeError, "edit_type must be the Edit class (slotted)");
        return -1;
    }
    return 0;
}

/* A new edit_type(filter, action, before, after, reason) (see PageEditType). */
static PyObject *
page_new_edit(const PageEditType *edit, PyObject *filter, PyObject *action, PyObject *before,
              PyObject *after, PyObject *reason)
{
    PyObject *values[PAGE_EDIT_FIELDS] = {filter, action, before, after, reason};
    PyObject *result = edit->type->tp_alloc(edit->type, 0);
    if (result == NULL)
        return NULL;
    for (int k = 0; k < PAGE_EDIT_FIELDS; k++)
        *(PyObject **)((char *)result + edit->offsets[k]) = Py_NewRef(values[k]);
    return result;
}

/* Append a removal of block's text, for `reason`, to edits: 0, or -1 with an exception set. */
static int
page_append_removal(PyObject *edits, const PageEditType *edit, PyObject *name, PyObject *text,
                    PyObject *reason)
{
    PyObject *empty = PyUnicode_New(0, 0); /* the empty string: a singleton */
    PyObject *item = empty == NULL
                         ? NULL
                         : page_new_edit(edit, name, page_strings[PAGE_REMOVE], text, empty, reason);
    Py_XDECREF(empty);
    if (item == NULL)
        return -1;
    int status = PyList_Append(edits, item);
    Py_DECREF(item);
    return status;
}

/* The blocks and the reasons (or keys) of a drop_*: sequences of one length. */
typedef struct {
    PyObject *blocks, *values;
    Py_ssize_t n;
    PyObject *kept, *edits;
} PageDrop;

static int
page_drop_start(PageDrop *drop, PyObject *blocks, PyObject *values)
{
    /* Tuples, which no code that a comparison or a format may run can change. */
    drop->blocks = PySequence_Tuple(blocks);
    drop->values = drop->blocks == NULL ? NULL : PySequence_Tuple(values);
    drop->kept = PyList_New(0);
    drop->edits = PyList_New(0);
    if (drop->blocks == NULL || drop->values == NULL || drop->kept == NULL || drop->edits == NULL)
        return -1;
    drop->n = PyTuple_GET_SIZE(drop->blocks);
    if (PyTuple_GET_SIZE(drop->values) != drop->n) {
        PyErr_SetString(PyExc_ValueError, "the blocks and their values differ in length");
        return -1;
    }
    return 0;
}

/* (kept, edits) on success; frees what drop holds. */
static PyObject *
page_drop_finish(PageDrop *drop, int ok)
{
    PyObject *result = ok ? PyTuple_Pack(2, drop->kept, drop->edits) : NULL;
    Py_XDECREF(drop->blocks);
    Py_XDECREF(drop->values);
    Py_XDECREF(drop->kept);
    Py_XDECREF(drop->edits);
    return result;
}

/* ---------------------------------------------------------------- drop_chrome */

#define PAGE_WHY_MEMO 16

/* The reasons of one drop_chrome call, made once per distinct (place, reason object). */
typedef struct {
    int count;
    int places[PAGE_WHY_MEMO];
    PyObject *reasons[PAGE_WHY_MEMO];
    PyObject *whys[PAGE_WHY_MEMO];
} PageWhys;

/* The Edit reason of chrome._drop_chrome (a new reference): f"chrome: {reason}" inside
 * the core (place 0), else f"{where} the article's prose: {reason or 'not part of the
 * article'}". */
static PyObject *
page_why(PageWhys *whys, int place, PyObject *reason)
{
    for (int k = 0; k < whys->count; k++)
        if (whys->places[k] == place && whys->reasons[k] == reason)
            return Py_NewRef(whys->whys[k]);
    PyObject *shown = reason;
    if (place != 0) {
        int truth = PyObject_IsTrue(reason);
        if (truth < 0)
            return NULL;
        if (!truth)
            shown = page_strings[PAGE_NOT_PART];
    }
    PyObject *empty = PyUnicode_New(0, 0);
    PyObject *formatted = empty == NULL ? NULL : PyObject_Format(shown, empty);
    Py_XDECREF(empty);
    if (formatted == NULL)
        return NULL;
    PyObject *why = PyUnicode_Concat(page_strings[PAGE_INSIDE + place], formatted);
    Py_DECREF(formatted);
    if (why != NULL && whys->count < PAGE_WHY_MEMO) {
        whys->places[whys->count] = place;
        whys->reasons[whys->count] = Py_NewRef(reason);
        whys->whys[whys->count++] = Py_NewRef(why);
    }
    return why;
}

/* drop_chrome(edit_type, name, blocks, reasons, start, end) -> (kept, edits)
 *
 * chrome._drop_chrome: the blocks DropChrome keeps (those without text, and those of the
 * core start..end without a reason) and a removal edit for each other block. */
static PyObject *
page_drop_chrome(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 6 || !PyUnicode_Check(args[1]) || !PyLong_Check(args[4])
        || !PyLong_Check(args[5])) {
        PyErr_SetString(PyExc_TypeError,
                        "drop_chrome(edit_type, name: str, blocks, reasons, start: int, end: int)");
        return NULL;
    }
    PageEditType edit;
    if (page_strings_ready() < 0 || page_edit_type(args[0], &edit) < 0)
        return NULL;
    Py_ssize_t start = PyLong_AsSsize_t(args[4]);
    if (start == -1 && PyErr_Occurred())
        return NULL;
    Py_ssize_t end = PyLong_AsSsize_t(args[5]);
    if (end == -1 && PyErr_Occurred())
        return NULL;
    PageWhys whys = {0, {0}, {NULL}, {NULL}};
    PageDrop drop = {NULL, NULL, 0, NULL, NULL};
    int ok = 0;
    if (page_drop_start(&drop, args[2], args[3]) < 0)
        goto done;
    PyObject **blocks = PySequence_Fast_ITEMS(drop.blocks);
    PyObject **reasons = PySequence_Fast_ITEMS(drop.values);
    PageFields fields = {NULL, {0, 0}};
    if (drop.n > 0 && page_fields_init(&fields, blocks[0]) < 0)
        goto done;
    for (Py_ssize_t i = 0; i < drop.n; i++) {
        PyObject *text = page_field(&fields, blocks[i], PAGE_TEXT);
        if (text == NULL)
            goto done;
        int place = i < start ? 1 : i < end ? 0 : 2;
        int has_text = PyObject_IsTrue(text);
        int status;
        if (has_text == 0 || (has_text > 0 && place == 0 && reasons[i] == Py_None))
            status = PyList_Append(drop.kept, blocks[i]);
        else if (has_text < 0)
            status = -1;
        else {
            PyObject *why = page_why(&whys, place, reasons[i]);
            status = why == NULL ? -1
                                 : page_append_removal(drop.edits, &edit, args[1], text, why);
            Py_XDECREF(why);
        }
        Py_DECREF(text);
        if (status < 0)
            goto done;
    }
    ok = 1;
done:
    for (int k = 0; k < whys.count; k++) {
        Py_DECREF(whys.reasons[k]);
        Py_DECREF(whys.whys[k]);
    }
    return page_drop_finish(&drop, ok);
}

/* ---------------------------------------------------------------- drop_repeats */

#define PAGE_MIN_DUPLICATE_WORDS 3
#define PAGE_MIN_QUOTE_WORDS 6
#define PAGE_MAX_TITLE_AFFIX_WORDS 4

/* len(text.split()) */
static Py_ssize_t
page_split_count(PyObject *text)
{
    Src src;
    src_init(&src, text);
    Py_ssize_t pos = 0, start, len, count = 0;
    uint64_t hash;
    while (next_token(&src, &pos, &start, &len, &hash))
        count++;
    return count;
}

/* duplicates._is_title_repeat: 1, 0, or -1 with an exception set. */
static int
page_title_repeat(PyObject *key, PyObject *title_key)
{
    int equal = PyUnicode_Compare(key, title_key);
    if (equal == -1 && PyErr_Occurred())
        return -1;
    if (equal == 0)
        return 1;
    Py_ssize_t at = PyUnicode_Find(key, title_key, 0, PY_SSIZE_T_MAX, 1);
    if (at == -2)
        return -1;
    Py_ssize_t title_words = at < 0 ? 0 : page_split_count(title_key);
    if (title_words < PAGE_MIN_DUPLICATE_WORDS)
        return 0;
    if (page_split_count(key) - title_words > PAGE_MAX_TITLE_AFFIX_WORDS)
        return 0;
    Py_ssize_t head = PyUnicode_Tailmatch(key, title_key, 0, PY_SSIZE_T_MAX, -1);
    if (head != 0)
        return head < 0 ? -1 : 1;
    Py_ssize_t tail = PyUnicode_Tailmatch(key, title_key, 0, PY_SSIZE_T_MAX, 1);
    return tail < 0 ? -1 : tail != 0;
}

/* duplicates._inside_another: 1, 0, or -1 with an exception set. */
static int
page_inside_another(PyObject *key, PyObject **keys, Py_ssize_t n, Py_ssize_t index)
{
    if (page_split_count(key) < PAGE_MIN_QUOTE_WORDS)
        return 0;
    PyObject *needle = PyUnicode_FromFormat(" %U ", key);
    if (needle == NULL)
        return -1;
    int found = 0;
    for (Py_ssize_t i = 0; i < n && !found; i++) {
        if (i == index || PyUnicode_GET_LENGTH(keys[i]) <= PyUnicode_GET_LENGTH(key))
            continue;
        PyObject *padded = PyUnicode_FromFormat(" %U ", keys[i]);
        found = padded == NULL ? -1 : PyUnicode_Contains(padded, needle);
        Py_XDECREF(padded);
    }
    Py_DECREF(needle);
    return found;
}

/* kind == page_strings[name] (Python's ==, which is str equality for a str): 1, 0, or -1
 * with an exception set. Two str of different lengths are unequal without a call. */
static int
page_kind_is(PyObject *kind, int name)
{
    PyObject *expected = page_strings[name];
    if (kind == expected)
        return 1;
    if (PyUnicode_CheckExact(kind) && PyUnicode_GET_LENGTH(kind) != PyUnicode_GET_LENGTH(expected))
        return 0;
    return PyObject_RichCompareBool(kind, expected, Py_EQ);
}

/* duplicates._reason of block index (its key and kind): PAGE_TITLE_AGAIN, PAGE_REPEAT or
 * PAGE_PULL_QUOTE (an index of page_strings), 0 for none, or -1 with an exception set. */
static int
page_repeat_reason(PyObject *key, PyObject *kind, PyObject *title_key, PyObject *seen,
                   PyObject **keys, Py_ssize_t n, Py_ssize_t index)
{
    if (PyUnicode_GET_LENGTH(key) == 0)
        return 0;
    int found = PyUnicode_GET_LENGTH(title_key) == 0 ? 0 : page_title_repeat(key, title_key);
    if (found != 0)
        return found < 0 ? -1 : PAGE_TITLE_AGAIN;
    found = PySet_Contains(seen, key);
    if (found != 0)
        return found < 0 ? -1 : PAGE_REPEAT;
    /* kind in ("quote", "caption") */
    found = page_kind_is(kind, PAGE_QUOTE);
    if (found == 0)
        found = page_kind_is(kind, PAGE_CAPTION);
    if (found > 0)
        found = page_inside_another(key, keys, n, index);
    return found < 0 ? -1 : found > 0 ? PAGE_PULL_QUOTE : 0;
}

/* key.count(" ") + 1, or 0 for an empty key: the words of a comparison key. */
static long long
page_space_count(PyObject *key)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(key);
    if (n == 0)
        return 0;
    int kind = PyUnicode_KIND(key);
    const void *data = PyUnicode_DATA(key);
    long long count = 1;
    for (Py_ssize_t i = 0; i < n; i++)
        count += PyUnicode_READ(kind, data, i) == ' ';
    return count;
}

/* Append the removal of block (a repeat, for `reason`) to edits: 0, or -1. */
static int
page_append_repeat(PyObject *edits, const PageEditType *edit, PyObject *name,
                   const PageFields *fields, PyObject *block, PyObject *reason)
{
    PyObject *text = page_field(fields, block, PAGE_TEXT);
    int status = text == NULL ? -1 : page_append_removal(edits, edit, name, text, reason);
    Py_XDECREF(text);
    return status;
}

/* drop_repeats(edit_type, name, blocks, keys, title_key, min_words) -> (kept, edits)
 *
 * duplicates._drop_repeats: the blocks DropDuplicates keeps and a removal edit for each
 * repeat; keys are the blocks' comparison keys. */
static PyObject *
page_drop_repeats(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 6 || !PyUnicode_Check(args[1]) || !PyUnicode_Check(args[4])
        || !PyLong_Check(args[5])) {
        PyErr_SetString(PyExc_TypeError, "drop_repeats(edit_type, name: str, blocks, "
                                         "keys: list[str], title_key: str, min_words: int)");
        return NULL;
    }
    PageEditType edit;
    if (page_strings_ready() < 0 || page_edit_type(args[0], &edit) < 0)
        return NULL;
    int overflow;
    long long min_words = PyLong_AsLongLongAndOverflow(args[5], &overflow);
    if (min_words == -1 && PyErr_Occurred())
        return NULL;
    if (overflow != 0)
        min_words = overflow > 0 ? LLONG_MAX : LLONG_MIN;
    PyObject *seen = PySet_New(NULL);
    PageDrop drop = {NULL, NULL, 0, NULL, NULL};
    int ok = 0;
    if (seen == NULL || page_drop_start(&drop, args[2], args[3]) < 0)
        goto done;
    PyObject **blocks = PySequence_Fast_ITEMS(drop.blocks);
    PyObject **keys = PySequence_Fast_ITEMS(drop.values);
    for (Py_ssize_t i = 0; i < drop.n; i++)
        if (!PyUnicode_Check(keys[i])) {
            PyErr_SetString(PyExc_TypeError, "drop_repeats() needs str keys");
            goto done;
        }
    PageFields fields = {NULL, {0, 0}};
    if (drop.n > 0 && page_fields_init(&fields, blocks[0]) < 0)
        goto done;
    for (Py_ssize_t i = 0; i < drop.n; i++) {
        PyObject *kind = page_field(&fields, blocks[i], PAGE_KIND);
        if (kind == NULL)
            goto done;
        int reason = page_repeat_reason(keys[i], kind, args[4], seen, keys, drop.n, i);
        int status = reason < 0 ? -1 : 0;
        if (reason == 0) {
            status = PyList_Append(drop.kept, blocks[i]);
            /* key.count(" ") + 1 words (0 for an empty key), or a heading, is remembered */
            int remember = page_space_count(keys[i]) >= min_words
                               ? 1
                               : page_kind_is(kind, PAGE_HEADING);
            if (status == 0)
                status = remember < 0 ? -1 : remember > 0 ? PySet_Add(seen, keys[i]) : 0;
        }
        else if (reason > 0)
            status = page_append_repeat(drop.edits, &edit, args[1], &fields, blocks[i],
                                        page_strings[reason]);
        Py_DECREF(kind);
        if (status < 0)
            goto done;
    }
    ok = 1;
done:
    Py_XDECREF(seen);
    return page_drop_finish(&drop, ok);
}

/* ---------------------------------------------------------------- methods */

static PyMethodDef page_methods[] = {
    {"guess_language", (PyCFunction)(void (*)(void))page_guess_language, METH_FASTCALL,
     "shape.guess_language, with a memo of each text's stop words."},
    {"comparison_keys", (PyCFunction)(void (*)(void))page_comparison_keys, METH_FASTCALL,
     "shape.comparison_key of each text, with a memo."},
    {"analyse_facts", (PyCFunction)(void (*)(void))page_analyse_facts, METH_FASTCALL,
     "chrome.analyse_facts: the page analysis from its blocks' facts."},
    {"block_fields", (PyCFunction)page_block_fields, METH_O,
     "The texts and the kinds of blocks, as two lists."},
    {"drop_chrome", (PyCFunction)(void (*)(void))page_drop_chrome, METH_FASTCALL,
     "chrome._drop_chrome: the blocks DropChrome keeps, and its edits."},
    {"drop_repeats", (PyCFunction)(void (*)(void))page_drop_repeats, METH_FASTCALL,
     "duplicates._drop_repeats: the blocks DropDuplicates keeps, and its edits."},
    {NULL, NULL, 0, NULL},
};
