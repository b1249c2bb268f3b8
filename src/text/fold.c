/* fold.c — folds non-ASCII code points for the tokenizer: typographic
 * punctuation to ASCII, letters to upper case with diacritics removed (NFKD). */
#include "text/fold.h"

#include <string.h>
#include <utf8proc.h>

#include "text/token.h"

/* Typographic punctuation news text uses, mapped to the ASCII character that
 * TABARI's filter expects; 0 when cp is not one of them. */
static char punct_to_ascii(int32_t cp)
{
    switch (cp) {
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: /* “ ” „ ‟ */
    case 0x00AB: case 0x00BB: case 0x301D: case 0x301E: /* « » 〝 〞 */
    case 0x2033: case 0xFF02:                           /* ″ ＂ */
        return '"';
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: /* ‘ ’ ‚ ‛ */
    case 0x2032: case 0x02BC: case 0xFF07:              /* ′ ʼ ＇ */
        return '\'';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: /* hyphens, en dash */
    case 0x2014: case 0x2015: case 0x2212: case 0xFE58: /* em dash, minus */
    case 0xFE63: case 0xFF0D:
        return '-';
    case 0x060C: case 0x3001: case 0xFF0C:              /* Arabic, CJK commas */
        return ',';
    case 0x061B: case 0xFF1B:
        return ';';
    case 0x061F: case 0xFF1F:
        return '?';
    case 0x3002: case 0xFF0E:                           /* CJK full stop */
        return '.';
    }
    return 0;
}

/* Latin letters that NFKD leaves alone but a reader takes for plain letters. */
static const char *latin_extra(int32_t cp)
{
    switch (cp) {
    case 0x00D8: case 0x00F8: return "O";   /* Ø ø */
    case 0x0110: case 0x0111: return "D";   /* Đ đ */
    case 0x00D0: case 0x00F0: return "D";   /* Ð ð */
    case 0x0141: case 0x0142: return "L";   /* Ł ł */
    case 0x00C6: case 0x00E6: return "AE";  /* Æ æ */
    case 0x0152: case 0x0153: return "OE";  /* Œ œ */
    case 0x00DF: case 0x1E9E: return "SS";  /* ß ẞ */
    case 0x00DE: case 0x00FE: return "TH";  /* Þ þ */
    case 0x0131: return "I";                /* dotless ı */
    case 0x0126: case 0x0127: return "H";   /* Ħ ħ */
    }
    return NULL;
}

int dy_fold_case(int32_t cp)
{
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT: return DY_CASE_UPPER;
    case UTF8PROC_CATEGORY_LL: return DY_CASE_LOWER;
    default: return DY_CASE_NONE;
    }
}

static void put_ascii(dy_fold *f, char c)
{
    f->kind = DY_FOLD_ASCII;
    f->ascii = c;
}

void dy_fold_codepoint(int32_t cp, dy_fold *f)
{
    f->kind = DY_FOLD_BLANK;
    f->letter_case = DY_CASE_NONE;
    f->ascii = 0;
    f->len = 0;

    char p = punct_to_ascii(cp);
    if (p) {
        put_ascii(f, p);
        return;
    }
    const char *extra = latin_extra(cp);
    if (extra) {
        f->kind = DY_FOLD_WORD;
        f->letter_case = dy_fold_case(cp);
        f->len = (unsigned)strlen(extra);
        memcpy(f->out, extra, f->len);
        return;
    }

    utf8proc_category_t cat = utf8proc_category(cp);
    switch (cat) {
    case UTF8PROC_CATEGORY_CF:                  /* zero-width, soft hyphen, BOM */
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
        f->kind = DY_FOLD_IGNORE;
        return;
    case UTF8PROC_CATEGORY_CN: case UTF8PROC_CATEGORY_CO: case UTF8PROC_CATEGORY_CS:
    case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
        return;                                 /* blank */
    default:
        break;
    }

    utf8proc_int32_t d[DY_FOLD_MAX];
    int bound = 0;
    utf8proc_ssize_t nd = utf8proc_decompose_char(
        cp, d, DY_FOLD_MAX,
        (utf8proc_option_t)(UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK),
        &bound);
    if (nd < 0 || nd > DY_FOLD_MAX)
        return;                                 /* blank */
    if (nd == 0) {
        f->kind = DY_FOLD_IGNORE;
        return;
    }
    /* Fullwidth letters, NBSP, superscript digits, one-dot leader: plain ASCII. */
    if (nd == 1 && d[0] < 0x80) {
        put_ascii(f, (char)d[0]);
        return;
    }
    /* Anything else that is not a letter, number or currency sign separates words. */
    switch (cat) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
    case UTF8PROC_CATEGORY_SC:
        break;
    default:
        return;                                 /* blank */
    }
    f->kind = DY_FOLD_WORD;
    f->letter_case = dy_fold_case(cp);
    for (utf8proc_ssize_t i = 0; i < nd; i++) {
        utf8proc_int32_t c = d[i];
        if (c >= 'a' && c <= 'z')
            c -= 'a' - 'A';
        else if (c == 0x2044)
            c = '/';                            /* fraction slash: ½ -> 1/2 */
        else if (c >= 0x80)
            c = utf8proc_toupper(c);
        if (c < 0x80 && c != '/' && !((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            continue;                           /* spaces inside "km 3" and the like */
        utf8proc_uint8_t buf[4];
        utf8proc_ssize_t m = utf8proc_encode_char(c, buf);
        if (m <= 0 || f->len + (unsigned)m > DY_FOLD_MAX)
            break;
        memcpy(f->out + f->len, buf, (size_t)m);
        f->len += (unsigned)m;
    }
    if (f->len == 0)
        f->kind = DY_FOLD_IGNORE;
}

size_t dy_fold_word(const char *s, size_t n, char *out, size_t cap)
{
    if (cap == 0)
        return 0;
    const unsigned char *u = (const unsigned char *)s;
    size_t o = 0, i = 0;
    while (i < n) {
        char tmp[DY_FOLD_MAX];
        size_t m = 1;
        if (u[i] < 0x80) {
            tmp[0] = (char)(u[i] >= 'a' && u[i] <= 'z' ? u[i] - ('a' - 'A') : u[i]);
            i++;
        } else {
            utf8proc_int32_t cp;
            utf8proc_ssize_t k = utf8proc_iterate(u + i, (utf8proc_ssize_t)(n - i), &cp);
            if (k <= 0) {
                tmp[0] = '_';                   /* the tokenizer's blank */
                i++;
            } else {
                dy_fold f;
                dy_fold_codepoint(cp, &f);
                i += (size_t)k;
                if (f.kind == DY_FOLD_IGNORE) {
                    m = 0;
                } else if (f.kind == DY_FOLD_ASCII) {
                    char c = f.ascii;
                    tmp[0] = (char)(c >= 'a' && c <= 'z' ? c - ('a' - 'A') : c);
                } else if (f.kind == DY_FOLD_WORD) {
                    m = f.len;
                    memcpy(tmp, f.out, m);
                } else {
                    tmp[0] = ' ';                   /* NBSP and other blanks */
                }
            }
        }
        if (o + m >= cap)
            break;
        memcpy(out + o, tmp, m);
        o += m;
    }
    out[o] = '\0';
    return o;
}

const char *dy_fold_tables_version(void)
{
    return utf8proc_version();
}
