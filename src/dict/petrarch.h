/* petrarch.h — PETRARCH dictionary support: PETR_config.ini and validation
 * <Environment> file lists, PETRARCH options, and the PETRARCH-2 verb format. */
#ifndef DY_DICT_PETRARCH_H
#define DY_DICT_PETRARCH_H

#include <stddef.h>

#include "dyad.h"
#include "dict/options.h"

struct dy_build;

/* The dictionary kinds a PETRARCH configuration names. */
typedef enum dy_petr_kind {
    DY_PK_VERBS = 0, DY_PK_ACTORS, DY_PK_AGENTS, DY_PK_DISCARDS, DY_PK_ISSUES
} dy_petr_kind;

/* Receives one named file (malloc'd path, now the callee's); 0 on success. */
typedef int (*dy_petr_add_fn)(void *ctx, dy_petr_kind kind, char *path);

/* Is path a PETRARCH configuration: a .ini file, or a validation .xml file
 * whose <Environment> names the dictionaries? */
int dy_petr_is_config(const char *path);

/* Reads a PETR_config.ini ([Dictionaries] verbfile_name, actorfile_list,
 * agentfile_name, discardfile_name, issuefile_name, optional dictionary_path;
 * [Options]) or the <Environment> of a validation file (<Verbfile>,
 * <Actorfile>, <Agentfile>, <Discardfile>, <Issuefile>, <Config>). File names
 * are relative to the configuration's folder (or dictionary_path). The
 * options that change coding are applied to *opts. */
dyad_status dy_petr_config_scan(const char *path, const char *text, size_t len,
                                dy_options *opts, dy_petr_add_fn add, void *ctx,
                                dyad_error *err);

/* One PETRARCH option, "name = value" (new_actor_length, require_dyad,
 * comma_min/max/bmin/bmax/emin/emax; interface and output options are
 * accepted and ignored). Unknown names are DYAD_ERR_PARSE. */
dyad_status dy_petr_option_apply(dy_options *o, const char *line, size_t len,
                                 const char *where, long lineno, dyad_error *err);

/* Is this verbs file in PETRARCH-2's format (CAMEO.2.0.txt: {noun phrase}
 * and (prepositional phrase) groups)? Looks at its text. */
int dy_petr_is_v2_verbs(const char *text, size_t len);

/* Reads a PETRARCH-2 verbs file into the dictionary being built. */
dyad_status dy_read_petrarch_verbs(struct dy_build *b, const char *file, const char *buf,
                                   size_t len, dyad_error *err);

#endif
