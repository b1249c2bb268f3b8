/* support.c — helpers shared by the fuzz harnesses: input streams, the fixed
 * invented dictionary held in memory, and a fixed set of sentences to code. */
#include <stdlib.h>
#include <string.h>

#include "dict/embedded.h"
#include "fuzz.h"

FILE *fz_stream(const uint8_t *data, size_t size)
{
    static const char empty[1] = "";
    /* fmemopen wants a non-empty buffer; an empty stream reads to EOF at once */
    if (size == 0) {
        FILE *f = fmemopen((void *)empty, 1, "r");
        if (f)
            fgetc(f);
        return f;
    }
    return fmemopen((void *)data, size, "r");
}

/* An invented dictionary that exercises every section kind (words made up). */
static const char fz_project[] =
    "fuzz dictionary\n"
    "<actorsfile> fz.actors\n"
    "<agentsfile> fz.agents\n"
    "<verbsfile> fz.verbs\n"
    "<optionsfile> fz.options\n"
    "<issuesfile> fz_issues.txt\n"
    "<discardfile> fz_discards.txt\n";

static const char fz_actors[] =
    "<NOUN>\nLANTERNS_\n</NOUN>\n<ADJECTIVE>\nWESTERN_\n</ADJECTIVE>\n"
    "QUELLARIA [QLL]\nBRASKOVIA [BRS]\nTUNDRELL [TUN]\n"
    "OLD_PIPPIN [PIP <950601] [PIPGOV >950602]\n"
    "MARBLE_ISLES [MRB/MRI]\nDR_FIZZWICK [---]\nBALLGAME [###]\nMISTLAND [+++]\n"
    "~FINISH\n";

static const char fz_agents[] =
    "CHANCELLOR_ [~GOV]\nRAIDERS_ [~REB]\nHELPERS_ [NGO~]\n!CRAFT! = POTTER, WEAVER\n"
    "GUILD!CRAFT! [~BUS]\n~FINISH\n";

static const char fz_verbs[] =
    "<SYNSETS>\n&CART\n+WAGON_\n+BARROW_\n</SYNSETS>\n"
    "<TIME>\nLASTMOON [-30]\n- * AND_LATER [+7]\n</TIME>\n"
    "<ATTRIB>\nWHISPERED_\n- * ABOUT_@\n</ATTRIB>\n"
    "SCOLD [121]\n- NOT * [012]\n- * OVER { GRAIN | SALT_FISH | &CART } [122]\n"
    "GREET [031:031]\n- $ AND + * TOGETHER [032]\n"
    "RESCUE [066]\n- + WAS * FROM $ [067]\n- ^ + WAS * BY $ [045]\n"
    "SHIP_ [070]\n- * &CART [071]\n- % * [---]\n- @ * [020]\n"
    "SAID [023?]\nLAUD [051]\n- * BY_ + [052!]\n~FINISH\n";

static const char fz_options[] =
    "SET: MINIMUM WORDS = 3\nCOMPLEX: VERBS[6]\nCOMMA: MIN=1 MAX=8\nNONEVENTS: FALSE\n";

static const char fz_issues[] =
    "<ISSUE CATEGORY=\"GOODS\" TYPE=\"ALL\" DEFAULT=\"NOGOODS\">\nSALT_ROAD [SALT]\n"
    "n:caravan [CARAVAN]\n</ISSUE>\n";

static const char fz_discards[] = "+PUPPET SHOW\nHARVEST DANCE\n";

#define FILE_OF(n, s) { n, (const unsigned char *)(s), sizeof(s) - 1 }

dyad_status fz_load_dict(const char *name, const uint8_t *data, size_t size,
                         dyad_dict **out, dyad_error *err)
{
    dy_vfile files[] = {
        FILE_OF("fz/fz.project", fz_project),
        FILE_OF("fz/fz.actors", fz_actors),
        FILE_OF("fz/fz.agents", fz_agents),
        FILE_OF("fz/fz.verbs", fz_verbs),
        FILE_OF("fz/fz.options", fz_options),
        FILE_OF("fz/fz_issues.txt", fz_issues),
        FILE_OF("fz/fz_discards.txt", fz_discards),
    };
    size_t n = sizeof files / sizeof files[0];
    if (name)
        for (size_t i = 0; i < n; i++)
            if (strcmp(files[i].name, name) == 0) {
                files[i].data = data;
                files[i].len = size;
            }
    return dy_dict_load_files("fz/fz.project", files, n, out, err);
}

static const char *const fixed_sentences[] = {
    "Quellaria scolded Braskovia over salt fish on Tuesday.",
    "The Western chancellor of Tundrell greeted raiders from Marble Isles and "
    "Braskovia together, whispered Old Pippin lastmoon.",
    "Braskovia was rescued from Quellaria by potter guild helpers, "
    "who said they did not scold the lanterns.",
    "Dr Fizzwick lauded Mistland at the ballgame; \"Quellaria ships wagon\" he said.",
};

void fz_code_fixed(const dyad_dict *dict)
{
    dyad_coder *c;
    dyad_error err;
    if (dyad_coder_new(dict, &c, &err) != DYAD_OK)
        return;
    for (size_t i = 0; i < sizeof fixed_sentences / sizeof fixed_sentences[0]; i++) {
        dyad_story st;
        memset(&st, 0, sizeof st);
        st.id = "FZ-1";
        st.date = 20240101;
        st.text = fixed_sentences[i];
        st.text_len = strlen(st.text);
        dyad_result res;
        dyad_code(c, &st, &res, &err);
        char *text = NULL;
        if (dyad_explain(c, &st, &text, &err) == DYAD_OK)
            free(text);
    }
    dyad_coder_free(c);
}

void fz_dict_harness(const char *name, const uint8_t *data, size_t size)
{
    dyad_dict *d = NULL;
    dyad_error err;
    if (fz_load_dict(name, data, size, &d, &err) == DYAD_OK) {
        (void)dyad_dict_warnings(d);
        fz_code_fixed(d);
        dyad_dict_free(d);
    }
}

/* Sums every byte so a stale or short buffer shows up under the sanitizers. */
static unsigned touch(const char *s, size_t n)
{
    unsigned h = 0;
    for (size_t i = 0; s && i < n; i++)
        h = h * 31 + (unsigned char)s[i];
    return h;
}

size_t fz_read_all(dy_in_format fmt, const uint8_t *data, size_t size)
{
    FILE *f = fz_stream(data, size);
    if (!f)
        return 0;
    dy_reader r;
    dy_reader_init(&r, f, "fuzz-input", fmt, 20240101);
    size_t stories = 0;
    volatile unsigned sink = 0;
    for (;;) {
        dyad_story st;
        dyad_error err;
        int got = 0;
        dyad_status rc = dy_reader_next(&r, &st, &got, &err);
        if (rc == DYAD_ERR_PARSE) {
            sink += touch(err.message, strlen(err.message));
            continue;
        }
        if (rc != DYAD_OK || !got)
            break;
        stories++;
        sink += touch(st.id, strlen(st.id)) + touch(st.text, st.text_len);
        if (st.source)
            sink += touch(st.source, strlen(st.source));
        if (st.url)
            sink += touch(st.url, strlen(st.url));
    }
    (void)sink;
    dy_reader_free(&r);
    fclose(f);
    return stories;
}
