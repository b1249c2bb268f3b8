/* test_text_language.c — the "does not look English" check behind the
 * warning of dyad code and the note of dyad explain: English news passes,
 * whatever its length; prose in other languages and scripts does not;
 * short texts are never judged; invalid UTF-8 and the scan limit are safe.
 * Every sentence here was written for this test. */
#include <criterion/criterion.h>
#include <string.h>

#include "text/language.h"

static int foreign(const char *s)
{
    dy_language lg;
    return dy_language_not_english(s, strlen(s), &lg);
}

Test(language, english_news_passes)
{
    static const char *const en[] = {
        "The foreign minister said on Tuesday that talks with the rebels would resume in the "
        "capital next week, after a ceasefire held for most of the month.",
        "Police fired tear gas at thousands of protesters who marched on parliament to demand "
        "the resignation of the prime minister over rising fuel prices.",
        "Kenya and Uganda signed an agreement to share water from the lake, ending a dispute "
        "that had strained relations between the two neighbours for years.",
        "UN Secretary-General calls for restraint as troops mass near border; Security "
        "Council to meet Friday, diplomats say.",
    };
    for (size_t i = 0; i < sizeof en / sizeof *en; i++)
        cr_expect_not(foreign(en[i]), "flagged: %s", en[i]);
}

Test(language, other_languages_are_flagged)
{
    static const char *const other[] = {
        "Le ministre des affaires étrangères a déclaré mardi que les négociations avec les "
        "rebelles reprendraient la semaine prochaine dans la capitale.",
        "El ministro de Defensa anunció el lunes que el ejército enviará más soldados a la "
        "frontera norte para proteger a la población civil.",
        "Die Regierung hat am Donnerstag beschlossen, die Hilfe für die betroffenen Regionen "
        "im Süden des Landes deutlich zu erhöhen.",
        "Pemerintah akan mengirim bantuan kemanusiaan ke daerah yang terkena banjir di "
        "bagian timur negara itu minggu depan.",
        "Министр обороны заявил в среду, что армия начнёт учения у границы на следующей неделе.",
        "قال رئيس الوزراء إن الحكومة ستعقد اجتماعا طارئا لمناقشة الأوضاع في الجنوب",
        "外交部长周三表示，双方将在下周恢复谈判。",
    };
    for (size_t i = 0; i < sizeof other / sizeof *other; i++)
        cr_expect(foreign(other[i]), "not flagged: %s", other[i]);
}

Test(language, short_texts_are_not_judged)
{
    cr_expect_not(foreign("France praised Germany."));
    cr_expect_not(foreign("Merkel trifft Macron in Berlin."));   /* too short to tell */
    cr_expect_not(foreign(""));
}

Test(language, counts_and_limits)
{
    dy_language lg;
    const char *s = "The army and the police said that it was over.";
    cr_assert_not(dy_language_not_english(s, strlen(s), &lg));
    cr_expect_eq(lg.words, 10);
    cr_expect_eq(lg.common, 8);   /* the, and, the, said, that, it, was, over */
    cr_expect_eq(lg.other_script, 0);

    /* invalid UTF-8 and a text far past the scan limit */
    static char big[3 * DY_LANGUAGE_SCAN];
    for (size_t i = 0; i < sizeof big; i++)
        big[i] = (char)(0x80 | (i * 7 % 64));
    cr_expect_not(dy_language_not_english(big, sizeof big, &lg));
    cr_expect_eq(lg.words, 0);
    cr_expect_not(dy_language_not_english(NULL, 0, &lg));
}

Test(language, function_word_table_is_sorted)
{
    /* the binary search finds nothing in a table out of order */
    cr_assert(dy_language_table_sorted());
}
