/* _dyad.c — the CPython extension under the dyad package: a coder over
 * libdyad's public API (include/dyad.h only) that codes stories on native
 * threads with the GIL released and gives each story's JSON Lines, exactly
 * the lines `dyad code --out jsonl` writes. dyad/__init__.py builds the
 * Python objects (Event, the exceptions) from what this module returns.
 *
 * One _Coder owns the dictionary, the syntax model and one worker (a
 * dyad_coder and a JSONL formatter) per native thread: the dictionary and
 * model are immutable and shared by the workers, each worker is used by one
 * thread at a time. A lock serialises calls on one _Coder, so that Python
 * threads sharing it never share a worker. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "dyad.h"

/* Raised for a library failure outside a story (a dictionary or model that
 * does not load): args (status name, where, line, message). A story's own
 * failure is returned as that tuple instead, in the story's place. */
static PyObject *LibError;

/* The most native threads code_many starts (dyad code -j takes as many). */
#define MAX_THREADS 1024

typedef struct worker {
    dyad_coder *coder;
    dyad_formatter *fmt;
} worker;

typedef struct CoderObject {
    PyObject_HEAD
    dyad_dict *dict;
    dyad_model *model;        /* syntax mode's model; NULL in shallow mode */
    dyad_model *parse_model;  /* loaded by parse() when the coder has none */
    dyad_parser *parser;      /* parse()'s, made on first use */
    worker *workers;
    int n_workers;
    PyObject *options;        /* list of the option lines set, for new workers */
    PyThread_type_lock lock;
} CoderObject;

/* The status as dyad.h names it: a stable name for programs to test. */
static const char *status_name(dyad_status st)
{
    switch (st) {
    case DYAD_OK: return "DYAD_OK";
    case DYAD_ERR_IO: return "DYAD_ERR_IO";
    case DYAD_ERR_PARSE: return "DYAD_ERR_PARSE";
    case DYAD_ERR_NOMEM: return "DYAD_ERR_NOMEM";
    case DYAD_ERR_ARG: return "DYAD_ERR_ARG";
    case DYAD_ERR_LIMIT: return "DYAD_ERR_LIMIT";
    case DYAD_STOPPED: return "DYAD_STOPPED";
    }
    return dyad_status_name(st);   /* one added since */
}

static PyObject *error_tuple(const dyad_error *err)
{
    return Py_BuildValue("(ssls)", status_name(err->status), err->where, err->line,
                         err->message);
}

static void set_lib_error(const dyad_error *err)
{
    PyObject *t = error_tuple(err);
    if (t) {
        PyErr_SetObject(LibError, t);
        Py_DECREF(t);
    }
}

/* Takes the coder's lock, letting other Python threads run while waiting. */
static void lock_coder(CoderObject *self)
{
    if (!PyThread_acquire_lock(self->lock, NOWAIT_LOCK)) {
        Py_BEGIN_ALLOW_THREADS
        PyThread_acquire_lock(self->lock, WAIT_LOCK);
        Py_END_ALLOW_THREADS
    }
}

static void unlock_coder(CoderObject *self)
{
    PyThread_release_lock(self->lock);
}

/* ------------------------------------------------------------- workers */

static void worker_free(worker *w)
{
    dyad_formatter_free(w->fmt);
    dyad_coder_free(w->coder);
    w->fmt = NULL;
    w->coder = NULL;
}

static dyad_status worker_init(CoderObject *self, worker *w, dyad_error *err)
{
    dyad_status st = dyad_coder_new(self->dict, &w->coder, err);
    if (st == DYAD_OK && self->model)
        st = dyad_coder_set_model(w->coder, self->model, err);
    Py_ssize_t n = PyList_GET_SIZE(self->options);
    for (Py_ssize_t i = 0; st == DYAD_OK && i < n; i++)
        st = dyad_coder_set_option(w->coder, PyUnicode_AsUTF8(PyList_GET_ITEM(self->options, i)),
                                   err);
    if (st == DYAD_OK)
        st = dyad_formatter_new(DYAD_FORMAT_JSONL, &w->fmt, err);
    if (st != DYAD_OK)
        worker_free(w);
    return st;
}

/* Makes sure there are n workers; 0, or -1 with an exception set. Called
 * with the GIL and the coder's lock held. */
static int ensure_workers(CoderObject *self, int n)
{
    if (n <= self->n_workers)
        return 0;
    worker *ws = PyMem_Realloc(self->workers, (size_t)n * sizeof *ws);
    if (!ws) {
        PyErr_NoMemory();
        return -1;
    }
    self->workers = ws;
    while (self->n_workers < n) {
        dyad_error err = {0};
        worker *w = &self->workers[self->n_workers];
        memset(w, 0, sizeof *w);
        if (worker_init(self, w, &err) != DYAD_OK) {
            set_lib_error(&err);
            return -1;
        }
        self->n_workers++;
    }
    return 0;
}

/* ---------------------------------------------------------------- stories */

/* A story as code and code_many take it, converted by dyad/__init__.py:
 * (id: str, date: int YYYYMMDD or 0, text: str, source: str|None, url: str|None). */
static const char *opt_utf8(PyObject *o)
{
    return o == Py_None ? NULL : PyUnicode_AsUTF8(o);
}

/* Fills story from t, whose strings must outlive it; 0, or -1 with an
 * exception set (a lone surrogate, a NUL in the id, not the tuple above). */
static int story_from_tuple(PyObject *t, dyad_story *story)
{
    memset(story, 0, sizeof *story);
    PyObject *id, *text, *source, *url;
    int date;
    if (!PyTuple_Check(t) || !PyArg_ParseTuple(t, "UiUOO", &id, &date, &text, &source, &url))
        return -1;
    if ((source != Py_None && !PyUnicode_Check(source)) || (url != Py_None && !PyUnicode_Check(url))) {
        PyErr_SetString(PyExc_TypeError, "source and url must be str or None");
        return -1;
    }
    Py_ssize_t id_len, len;
    story->id = PyUnicode_AsUTF8AndSize(id, &id_len);
    if (!story->id)
        return -1;
    if (strlen(story->id) != (size_t)id_len) {
        PyErr_SetString(PyExc_ValueError, "a story id must not contain NUL");
        return -1;
    }
    story->text = PyUnicode_AsUTF8AndSize(text, &len);
    story->text_len = (size_t)len;
    story->date = date;
    story->source = opt_utf8(source);
    story->url = opt_utf8(url);
    if (!story->text || PyErr_Occurred())
        return -1;
    return 0;
}

/* The message of the exception raised converting a story, as a story error
 * tuple (ARG, id, 0, message); the exception is cleared. */
static PyObject *story_arg_error(PyObject *t)
{
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyObject *msg = value ? PyObject_Str(value) : NULL;
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(tb);
    if (!msg)
        return NULL;
    PyObject *id = PyTuple_Check(t) && PyTuple_GET_SIZE(t) > 0 ? PyTuple_GET_ITEM(t, 0) : Py_None;
    PyObject *r = Py_BuildValue("(sOiO)", status_name(DYAD_ERR_ARG), id, 0, msg);
    Py_DECREF(msg);
    return r;
}

/* --------------------------------------------------------------- coding */

/* One story's outcome: its JSON Lines (malloc'd) or the error. */
typedef struct outcome {
    char *text;
    size_t len;
    int failed;               /* err is set */
    int skip;                 /* not coded: the story could not be converted */
    dyad_error err;
} outcome;

/* Codes one story with w into o. No Python API: runs without the GIL. */
static void code_one(worker *w, const dyad_story *story, outcome *o)
{
    dyad_result res;
    const char *text;
    size_t len, lines;
    if (dyad_code(w->coder, story, &res, &o->err) != DYAD_OK ||
        dyad_format_story(w->fmt, story, &res, &text, &len, &lines, &o->err) != DYAD_OK) {
        o->failed = 1;
        return;
    }
    o->text = malloc(len + 1);
    if (!o->text) {
        memset(&o->err, 0, sizeof o->err);
        o->err.status = DYAD_ERR_NOMEM;
        snprintf(o->err.where, sizeof o->err.where, "%s", story->id);
        snprintf(o->err.message, sizeof o->err.message, "out of memory");
        o->failed = 1;
        return;
    }
    memcpy(o->text, text, len + 1);
    o->len = len;
}

/* The stories of one code_many call, taken in turn by the threads: each
 * outcome goes to its story's slot, so the order is the input's. */
typedef struct job {
    const dyad_story *stories;
    outcome *out;
    size_t n;
    atomic_size_t next;
} job;

typedef struct thread_arg {
    job *jb;
    worker *w;
} thread_arg;

static void *work(void *p)
{
    thread_arg *a = p;
    for (;;) {
        size_t i = atomic_fetch_add(&a->jb->next, 1);
        if (i >= a->jb->n)
            break;
        if (!a->jb->out[i].skip)
            code_one(a->w, &a->jb->stories[i], &a->jb->out[i]);
    }
    return NULL;
}

/* Runs the job on n workers: n - 1 new threads and the calling one. A
 * thread that cannot be started leaves its share to the others. */
static void run_job(job *jb, worker *ws, int n)
{
    pthread_t *tid = malloc((size_t)n * sizeof *tid);
    thread_arg *args = malloc((size_t)n * sizeof *args);
    int *started = calloc((size_t)n, sizeof *started);
    if (!tid || !args || !started)
        n = 1;   /* no room to keep track of threads: code on this one */
    for (int t = 1; t < n; t++) {
        args[t].jb = jb;
        args[t].w = &ws[t];
        started[t] = pthread_create(&tid[t], NULL, work, &args[t]) == 0;
    }
    thread_arg self = {jb, &ws[0]};
    work(&self);
    for (int t = 1; t < n; t++)
        if (started[t])
            pthread_join(tid[t], NULL);
    free(started);
    free(args);
    free(tid);
}

/* The Python value of one outcome: its JSON Lines text, or the error tuple. */
static PyObject *outcome_value(outcome *o)
{
    if (o->failed)
        return error_tuple(&o->err);
    return PyUnicode_DecodeUTF8(o->text, (Py_ssize_t)o->len, "replace");
}

PyDoc_STRVAR(code_many_doc,
"code_many(stories, threads) -> list\n\n"
"Codes a list of story tuples (id, date, text, source, url) on `threads`\n"
"native threads with the GIL released. Gives, in input order, each story's\n"
"JSON Lines (a str) or its error (status, where, line, message).");

static PyObject *Coder_code_many(CoderObject *self, PyObject *args)
{
    PyObject *list;
    int threads;
    if (!PyArg_ParseTuple(args, "O!i", &PyList_Type, &list, &threads))
        return NULL;
    if (threads < 1 || threads > MAX_THREADS)
        return PyErr_Format(PyExc_ValueError, "threads must be 1 to %d", MAX_THREADS);
    Py_ssize_t n = PyList_GET_SIZE(list);
    if (n == 0)
        return PyList_New(0);
    if (threads > n)
        threads = (int)n;
    /* the list's tuples keep the strings whose UTF-8 the stories point into */
    Py_INCREF(list);
    dyad_story *stories = PyMem_Calloc((size_t)n, sizeof *stories);
    outcome *out = PyMem_Calloc((size_t)n, sizeof *out);
    PyObject *errs = PyList_New(n);   /* conversion errors, by story */
    PyObject *result = NULL;
    if (!stories || !out || !errs) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *t = PyList_GET_ITEM(list, i);
        PyObject *e = Py_None;
        if (story_from_tuple(t, &stories[i]) != 0) {
            if (!PyErr_ExceptionMatches(PyExc_UnicodeError) &&
                !PyErr_ExceptionMatches(PyExc_ValueError))
                goto done;   /* a TypeError is the caller's bug, not the story's */
            if (!(e = story_arg_error(t)))
                goto done;
            out[i].skip = 1;
        } else {
            Py_INCREF(e);
        }
        PyList_SET_ITEM(errs, i, e);
    }
    lock_coder(self);
    if (ensure_workers(self, threads) != 0) {
        unlock_coder(self);
        goto done;
    }
    job jb = {stories, out, (size_t)n, 0};
    Py_BEGIN_ALLOW_THREADS
    run_job(&jb, self->workers, threads);
    Py_END_ALLOW_THREADS
    unlock_coder(self);
    if (!(result = PyList_New(n)))
        goto done;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *v;
        if (out[i].skip) {
            v = PyList_GET_ITEM(errs, i);
            Py_INCREF(v);
        } else if (!(v = outcome_value(&out[i]))) {
            Py_CLEAR(result);
            goto done;
        }
        PyList_SET_ITEM(result, i, v);
    }
done:
    if (out)
        for (Py_ssize_t i = 0; i < n; i++)
            free(out[i].text);
    PyMem_Free(out);
    PyMem_Free(stories);
    Py_XDECREF(errs);
    Py_DECREF(list);
    return result;
}

PyDoc_STRVAR(code_doc,
"code(story) -> str or tuple\n\n"
"Codes one story tuple (id, date, text, source, url) with the GIL released:\n"
"its JSON Lines, or its error (status, where, line, message).");

/* What code() and explain() do first: the story from its tuple, the coder
 * locked and its first worker made. 0 when they can go on; else *ret is
 * what they return (NULL with an exception, or the story's error tuple). */
static int begin_one(CoderObject *self, PyObject *t, dyad_story *story, PyObject **ret)
{
    *ret = NULL;
    if (story_from_tuple(t, story) != 0) {
        if (PyErr_ExceptionMatches(PyExc_UnicodeError) || PyErr_ExceptionMatches(PyExc_ValueError))
            *ret = story_arg_error(t);
        return -1;
    }
    lock_coder(self);
    if (ensure_workers(self, 1) != 0) {
        unlock_coder(self);
        return -1;
    }
    return 0;
}

static PyObject *Coder_code(CoderObject *self, PyObject *t)
{
    dyad_story story;
    PyObject *ret;
    if (begin_one(self, t, &story, &ret) != 0)
        return ret;
    outcome o = {0};
    Py_BEGIN_ALLOW_THREADS
    code_one(&self->workers[0], &story, &o);
    Py_END_ALLOW_THREADS
    unlock_coder(self);
    PyObject *v = outcome_value(&o);
    free(o.text);
    return v;
}

PyDoc_STRVAR(explain_doc,
"explain(story) -> str or tuple\n\n"
"The coder's account of one story tuple: sentences, tokens, matches, the\n"
"pattern that fired, the events; or its error (status, where, line, message).");

static PyObject *Coder_explain(CoderObject *self, PyObject *t)
{
    dyad_story story;
    PyObject *ret;
    if (begin_one(self, t, &story, &ret) != 0)
        return ret;
    char *text = NULL;
    dyad_error err = {0};
    dyad_status st;
    Py_BEGIN_ALLOW_THREADS
    st = dyad_explain(self->workers[0].coder, &story, &text, &err);
    Py_END_ALLOW_THREADS
    unlock_coder(self);
    PyObject *v = st == DYAD_OK ? PyUnicode_DecodeUTF8(text, (Py_ssize_t)strlen(text), "replace")
                                : error_tuple(&err);
    free(text);
    return v;
}

/* --------------------------------------------------------------- parsing */

static PyObject *parsed_value(const dyad_parse_result *r)
{
    PyObject *sents = PyList_New((Py_ssize_t)r->n_sentences);
    for (size_t s = 0; sents && s < r->n_sentences; s++) {
        const dyad_parsed *ps = &r->sentences[s];
        PyObject *words = PyList_New((Py_ssize_t)ps->n_words);
        for (size_t k = 0; words && k < ps->n_words; k++) {
            const dyad_word *w = &ps->words[k];
            PyObject *wt = Py_BuildValue("(nsssssinnOi)", (Py_ssize_t)k + 1, w->form, w->lemma,
                                         w->upos, w->xpos, w->deprel, w->head,
                                         (Py_ssize_t)w->span.start, (Py_ssize_t)w->span.end,
                                         w->space_after ? Py_True : Py_False, w->mwt);
            if (!wt)
                Py_CLEAR(words);
            else
                PyList_SET_ITEM(words, (Py_ssize_t)k, wt);
        }
        PyObject *st = words ? Py_BuildValue("(nnN)", (Py_ssize_t)ps->span.start,
                                             (Py_ssize_t)ps->span.end, words)
                             : NULL;
        if (!st)
            Py_CLEAR(sents);
        else
            PyList_SET_ITEM(sents, (Py_ssize_t)s, st);
    }
    return sents;
}

PyDoc_STRVAR(parse_doc,
"parse(text, one_sentence) -> list\n\n"
"Splits text into sentences and words and parses them with the syntax\n"
"model: a list of (start, end, words), each word a tuple (id, form, lemma,\n"
"upos, xpos, deprel, head, start, end, space_after, mwt); offsets are bytes\n"
"of the text's UTF-8.");

static PyObject *Coder_parse(CoderObject *self, PyObject *args)
{
    const char *text;
    Py_ssize_t len;
    int one_sentence = 0;
    if (!PyArg_ParseTuple(args, "s#p", &text, &len, &one_sentence))
        return NULL;
    lock_coder(self);
    dyad_error err = {0};
    dyad_status st = DYAD_OK;
    dyad_parse_result r;
    Py_BEGIN_ALLOW_THREADS
    const dyad_model *m = self->model;
    if (!self->parser && !m && !self->parse_model)
        st = dyad_model_load_default(&self->parse_model, &err);
    if (!m)
        m = self->parse_model;
    if (st == DYAD_OK && !self->parser)
        st = dyad_parser_new(m, &self->parser, &err);
    if (st == DYAD_OK)
        st = dyad_parse_text(self->parser, text, (size_t)len, one_sentence, &r, &err);
    Py_END_ALLOW_THREADS
    PyObject *v = NULL;
    if (st != DYAD_OK)
        set_lib_error(&err);
    else
        v = parsed_value(&r);   /* before the lock goes: r is the parser's */
    unlock_coder(self);
    return v;
}

/* -------------------------------------------------------------- options */

PyDoc_STRVAR(set_option_doc,
"set_option(line)\n\n"
"Applies one line of .options syntax (\"COMMA: OFF\") to this coder.");

static PyObject *Coder_set_option(CoderObject *self, PyObject *args)
{
    PyObject *line;
    if (!PyArg_ParseTuple(args, "U", &line))
        return NULL;
    const char *s = PyUnicode_AsUTF8(line);
    if (!s)
        return NULL;
    lock_coder(self);
    dyad_error err = {0};
    if (ensure_workers(self, 1) != 0) {
        unlock_coder(self);
        return NULL;
    }
    /* tried on the first worker: a bad line changes nothing anywhere */
    for (int i = 0; i < self->n_workers; i++)
        if (dyad_coder_set_option(self->workers[i].coder, s, &err) != DYAD_OK) {
            unlock_coder(self);
            set_lib_error(&err);
            return NULL;
        }
    int r = PyList_Append(self->options, line);
    unlock_coder(self);
    if (r != 0)
        return NULL;
    Py_RETURN_NONE;
}

PyDoc_STRVAR(reset_options_doc, "reset_options()\n\nReturns the coder to the dictionary's options.");

static PyObject *Coder_reset_options(CoderObject *self, PyObject *Py_UNUSED(ignored))
{
    lock_coder(self);
    for (int i = 0; i < self->n_workers; i++)
        dyad_coder_reset_options(self->workers[i].coder);
    int r = PyList_SetSlice(self->options, 0, PyList_GET_SIZE(self->options), NULL);
    unlock_coder(self);
    if (r != 0)
        return NULL;
    Py_RETURN_NONE;
}

/* ------------------------------------------------------------ the type */

static void Coder_dealloc(CoderObject *self)
{
    for (int i = 0; i < self->n_workers; i++)
        worker_free(&self->workers[i]);
    PyMem_Free(self->workers);
    dyad_parser_free(self->parser);
    dyad_model_free(self->parse_model);
    dyad_model_free(self->model);
    dyad_dict_free(self->dict);
    Py_XDECREF(self->options);
    if (self->lock)
        PyThread_free_lock(self->lock);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyMethodDef Coder_methods[] = {
    {"code", (PyCFunction)Coder_code, METH_O, code_doc},
    {"code_many", (PyCFunction)Coder_code_many, METH_VARARGS, code_many_doc},
    {"explain", (PyCFunction)Coder_explain, METH_O, explain_doc},
    {"parse", (PyCFunction)Coder_parse, METH_VARARGS, parse_doc},
    {"set_option", (PyCFunction)Coder_set_option, METH_VARARGS, set_option_doc},
    {"reset_options", (PyCFunction)Coder_reset_options, METH_NOARGS, reset_options_doc},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject CoderType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "dyad._dyad._Coder",
    .tp_basicsize = sizeof(CoderObject),
    .tp_dealloc = (destructor)Coder_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "A loaded dictionary (and model) with its native coders; made by open().",
    .tp_methods = Coder_methods,
};

/* --------------------------------------------------------------- module */

PyDoc_STRVAR(open_doc,
"open(dict_path, syntax, cache_dir) -> (_Coder, info)\n\n"
"Loads the dictionaries (dict_path None: the built-in ones; cache_dir None:\n"
"no compiled-dictionary cache) and, when syntax, the built-in model. info is\n"
"a dict: cache (none, hit, stored, failed), cache_problem, warnings.");

static const char *cache_use_name(dyad_cache_use u)
{
    switch (u) {
    case DYAD_CACHE_HIT: return "hit";
    case DYAD_CACHE_STORED: return "stored";
    case DYAD_CACHE_FAILED: return "failed";
    case DYAD_CACHE_NONE: break;
    }
    return "none";
}

static PyObject *mod_open(PyObject *Py_UNUSED(m), PyObject *args)
{
    PyObject *path_obj, *cache_obj;
    int syntax;
    if (!PyArg_ParseTuple(args, "OpO", &path_obj, &syntax, &cache_obj))
        return NULL;
    PyObject *path_b = NULL, *cache_b = NULL;
    if ((path_obj != Py_None && !PyUnicode_FSConverter(path_obj, &path_b)) ||
        (cache_obj != Py_None && !PyUnicode_FSConverter(cache_obj, &cache_b))) {
        Py_XDECREF(path_b);
        return NULL;
    }
    const char *path = path_b ? PyBytes_AS_STRING(path_b) : NULL;
    const char *cache_dir = cache_b ? PyBytes_AS_STRING(cache_b) : NULL;
    CoderObject *self = PyObject_New(CoderObject, &CoderType);
    if (!self) {
        Py_XDECREF(path_b);
        Py_XDECREF(cache_b);
        return NULL;
    }
    self->dict = NULL;
    self->model = self->parse_model = NULL;
    self->parser = NULL;
    self->workers = NULL;
    self->n_workers = 0;
    self->options = PyList_New(0);
    self->lock = PyThread_allocate_lock();
    dyad_error err = {0};
    dyad_cache_report rep;
    memset(&rep, 0, sizeof rep);
    dyad_status st;
    Py_BEGIN_ALLOW_THREADS
    st = path ? dyad_dict_load_cached(path, cache_dir, &self->dict, &rep, &err)
              : dyad_dict_load_default(&self->dict, &err);
    if (st == DYAD_OK && syntax)
        st = dyad_model_load_default(&self->model, &err);
    Py_END_ALLOW_THREADS
    Py_XDECREF(path_b);
    Py_XDECREF(cache_b);
    if (!self->options || !self->lock) {
        Py_DECREF(self);
        return PyErr_NoMemory();
    }
    if (st != DYAD_OK) {
        Py_DECREF(self);
        set_lib_error(&err);
        return NULL;
    }
    const dyad_error *p = &rep.problem;
    PyObject *problem = p->status == DYAD_OK
        ? (Py_INCREF(Py_None), Py_None)
        : PyUnicode_FromFormat("%s%s%s", p->where, p->where[0] ? ": " : "", p->message);
    PyObject *info = problem ? Py_BuildValue("{s:s,s:N,s:s}", "cache", cache_use_name(rep.use),
                                             "cache_problem", problem, "warnings",
                                             dyad_dict_warnings(self->dict))
                             : NULL;
    if (!info) {
        Py_DECREF(self);
        return NULL;
    }
    return Py_BuildValue("(NN)", (PyObject *)self, info);
}

PyDoc_STRVAR(parse_date_doc,
"parse_date(s) -> int\n\n"
"A DATE of dyad (YYYY-MM-DD, YYYYMMDD, YYMMDD, an ISO 8601 timestamp) as\n"
"YYYYMMDD, or 0 when it is not one.");

static PyObject *mod_parse_date(PyObject *Py_UNUSED(m), PyObject *arg)
{
    Py_ssize_t len;
    const char *s = PyUnicode_AsUTF8AndSize(arg, &len);
    if (!s)
        return NULL;
    return PyLong_FromLong(dyad_parse_date(s, (size_t)len));
}

PyDoc_STRVAR(cache_dir_doc,
"cache_dir() -> str or None\n\n"
"The usual compiled-dictionary cache folder ($XDG_CACHE_HOME/dyad, else\n"
"~/.cache/dyad), None when the environment names neither.");

static PyObject *mod_cache_dir(PyObject *Py_UNUSED(m), PyObject *Py_UNUSED(ignored))
{
    char buf[4096];
    dyad_error err = {0};
    if (dyad_dict_cache_dir(buf, sizeof buf, &err) != DYAD_OK)
        Py_RETURN_NONE;
    return PyUnicode_DecodeFSDefault(buf);
}

static PyObject *mod_libversion(PyObject *Py_UNUSED(m), PyObject *Py_UNUSED(ignored))
{
    return PyUnicode_FromString(dyad_libversion());
}

static PyMethodDef module_methods[] = {
    {"open", mod_open, METH_VARARGS, open_doc},
    {"parse_date", mod_parse_date, METH_O, parse_date_doc},
    {"cache_dir", mod_cache_dir, METH_NOARGS, cache_dir_doc},
    {"libversion", mod_libversion, METH_NOARGS, "The version of the libdyad linked in."},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "dyad._dyad",
    "libdyad for Python: the native part of the dyad package.", -1, module_methods,
    NULL, NULL, NULL, NULL
};

PyMODINIT_FUNC PyInit__dyad(void)
{
    if (PyType_Ready(&CoderType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&module);
    if (!m)
        return NULL;
    LibError = PyErr_NewException("dyad._dyad.LibError", NULL, NULL);
    if (!LibError || PyModule_AddObjectRef(m, "LibError", LibError) < 0 ||
        PyModule_AddObjectRef(m, "_Coder", (PyObject *)&CoderType) < 0 ||
        PyModule_AddStringConstant(m, "VERSION", DYAD_VERSION) < 0 ||
        PyModule_AddIntConstant(m, "MAX_THREADS", MAX_THREADS) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
