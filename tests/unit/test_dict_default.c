/* test_dict_default.c — the default dictionaries built into libdyad: they load
 * from memory without warnings, and cover every CAMEO agent and event code. */
#include <criterion/criterion.h>
#include <string.h>

#include "dict/dict.h"

static dyad_dict *dict;

static void setup(void)
{
    dyad_error err;
    memset(&err, 0, sizeof err);
    dyad_status st = dyad_dict_load_default(&dict, &err);
    cr_assert_eq(st, DYAD_OK, "load failed: %s:%ld: %s", err.where, err.line, err.message);
}

static void teardown(void) { dyad_dict_free(dict); }

TestSuite(dict_default, .init = setup, .fini = teardown);

/* Warnings naming one of the files this test owns (the verbs, agents, discards
 * and options of the defaults); actor files have their own test. */
Test(dict_default, no_warnings_in_verbs_agents_discards)
{
    const char *w = dyad_dict_warnings(dict);
    static const char *const mine[] = {"default/verbs/", "default/default.agents",
                                       "default/default.discards", "default/default.options",
                                       "default/default.project"};
    for (size_t i = 0; i < sizeof mine / sizeof *mine; i++) {
        const char *hit = strstr(w, mine[i]);
        if (hit) {
            const char *end = strchr(hit, '\n');
            cr_assert_fail("warning: %.*s", end ? (int)(end - hit) : 200, hit);
        }
    }
}

Test(dict_default, sizes)
{
    dyad_dict_stats s;
    dyad_dict_get_stats(dict, &s);
    cr_assert_geq(s.agents, 300, "only %zu agents", s.agents);
    cr_assert_geq(s.patterns, 3000, "only %zu verb patterns", s.patterns);
    cr_assert_gt(s.discards, 100, "only %zu discards", s.discards);
}

static int agent_code_present(const char *code)
{
    for (size_t i = 0; i < dict->n_agents; i++)
        if (dict->agents[i].code && strstr(dict->agents[i].code, code))
            return 1;
    return 0;
}

/* The CAMEO role codes (codebook 1.1b3, ch. 2) an agent noun can add. */
Test(dict_default, every_agent_code)
{
    static const char *const codes[] = {
        "GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "INS", "SEP", "SPY", "UAF", "PTY",
        "AGR", "BUS", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "MED",
        "REF", "MOD", "RAD", "REL", "CHR", "MOS", "JEW", "BUD"};
    for (size_t i = 0; i < sizeof codes / sizeof *codes; i++)
        cr_expect(agent_code_present(codes[i]), "no agent codes %s", codes[i]);
}

static int event_code_present(const char *code)
{
    for (size_t i = 0; i < dict->n_verbs; i++) {
        const dy_vcode *c = &dict->verbs[i].code;
        if ((c->code && strcmp(c->code, code) == 0) || (c->paired && strcmp(c->paired, code) == 0))
            return 1;
    }
    for (size_t i = 0; i < dict->n_patterns; i++) {
        const dy_vcode *c = &dict->patterns[i].code;
        if ((c->code && strcmp(c->code, code) == 0) || (c->paired && strcmp(c->paired, code) == 0))
            return 1;
    }
    return 0;
}

/* Every event code of the CAMEO codebook 1.1b3 is reachable: some verb root
 * or pattern carries it. */
Test(dict_default, every_cameo_event_code)
{
    static const char *const codes[] = {
        "010", "011", "012", "013", "014", "015", "016", "017", "018", "019",
        "020", "021", "0211", "0212", "0213", "0214", "022", "023", "0231", "0232", "0233",
        "0234", "024", "0241", "0242", "0243", "0244", "025", "0251", "0252", "0253", "0254",
        "0255", "0256", "026", "027", "028",
        "030", "031", "0311", "0312", "0313", "0314", "032", "033", "0331", "0332", "0333",
        "0334", "034", "0341", "0342", "0343", "0344", "035", "0351", "0352", "0353", "0354",
        "0355", "0356", "036", "037", "038", "039",
        "040", "041", "042", "043", "044", "045", "046",
        "050", "051", "052", "053", "054", "055", "056", "057",
        "060", "061", "062", "063", "064",
        "070", "071", "072", "073", "074", "075",
        "080", "081", "0811", "0812", "0813", "0814", "082", "083", "0831", "0832", "0833",
        "0834", "084", "0841", "0842", "085", "086", "0861", "0862", "0863", "087", "0871",
        "0872", "0873", "0874",
        "090", "091", "092", "093", "094",
        "100", "101", "1011", "1012", "1013", "1014", "102", "103", "1031", "1032", "1033",
        "1034", "104", "1041", "1042", "1043", "1044", "105", "1051", "1052", "1053", "1054",
        "1055", "1056", "106", "107", "108",
        "110", "111", "112", "1121", "1122", "1123", "1124", "1125", "113", "114", "115", "116",
        "120", "121", "1211", "1212", "1213", "122", "1221", "1222", "1223", "1224", "123",
        "1231", "1232", "1233", "1234", "124", "1241", "1242", "1243", "1244", "1245", "1246",
        "125", "126", "127", "128", "129",
        "130", "131", "1311", "1312", "1313", "132", "1321", "1322", "1323", "1324", "133",
        "134", "135", "136", "137", "138", "1381", "1382", "1383", "1384", "1385", "139",
        "140", "141", "1411", "1412", "1413", "1414", "142", "1421", "1422", "1423", "1424",
        "143", "1431", "1432", "1433", "1434", "144", "1441", "1442", "1443", "1444", "145",
        "1451", "1452", "1453", "1454",
        "150", "151", "152", "153", "154", "155",
        "160", "161", "162", "1621", "1622", "1623", "163", "164", "165", "166", "1661",
        "1662", "1663",
        "170", "171", "1711", "1712", "172", "1721", "1722", "1723", "1724", "173", "174",
        "175", "176",
        "180", "181", "182", "1821", "1822", "1823", "183", "1831", "1832", "1833", "1834",
        "184", "185", "186",
        "190", "191", "192", "193", "194", "195", "1951", "1952", "196",
        "200", "201", "202", "203", "204", "2041", "2042"};
    size_t missing = 0;
    for (size_t i = 0; i < sizeof codes / sizeof *codes; i++)
        if (!event_code_present(codes[i])) {
            cr_log_error("no verb or pattern codes %s", codes[i]);
            missing++;
        }
    cr_assert_eq(missing, 0, "%zu CAMEO event codes unreachable", missing);
}
