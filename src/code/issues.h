/* issues.h — Phoenix/PETRARCH issue coding: which issue codes (IssueCoding
 * files) a sentence mentions; every event of the sentence carries them. */
#ifndef DY_CODE_ISSUES_H
#define DY_CODE_ISSUES_H

#include "base/arena.h"
#include "dict/dict.h"
#include "text/token.h"

/* The codes of the issue phrases found in the sentence's words, space-
 * separated in order of first mention, each once; NULL when there are none,
 * when the dictionary has no issues, or when an exclusion phrase ("~...")
 * occurs (PETRARCH then codes no issue for the sentence). The string lives
 * in arena a. Linear in the words: one index lookup per word. */
const char *dy_sentence_issues(dy_arena *a, const struct dyad_dict *d, const dy_tokens *toks);

#endif
