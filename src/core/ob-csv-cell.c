/* ob-csv-cell.c — reading one imported cell: numbers, dates, missing markers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "oncobench-core"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ob-csv-cell.h"

const char *const ob_csv_missing_markers[] = { "", "NA", "NaN", ".", "N/A", "#N/A", "NULL", NULL };

/* Powers of ten that a double holds exactly: with at most 15 significant digits a single
 * multiplication or division is then correctly rounded (Clinger's fast path). */
static const double exact_pow10[] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

static inline gboolean
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

gboolean
ob_csv_is_missing (const char *s,
                   gsize       len)
{
  switch (len)
    {
    case 0:
      return TRUE;
    case 1:
      return s[0] == '.';
    case 2:
      return s[0] == 'N' && s[1] == 'A';
    case 3:
      return memcmp (s, "NaN", 3) == 0 || memcmp (s, "N/A", 3) == 0;
    case 4:
      return memcmp (s, "#N/A", 4) == 0 || memcmp (s, "NULL", 4) == 0;
    default:
      return FALSE;
    }
}

/* Kept out of line: its buffer would otherwise weigh on every call of the fast path. */
G_GNUC_NO_INLINE static double
slow_parse (const char *s,
            gsize       len,
            char        decimal)
{
  char stack[64];
  char *buffer = len < sizeof stack ? stack : g_malloc (len + 1);
  double value;

  memcpy (buffer, s, len);
  buffer[len] = '\0';
  if (decimal != '.')
    for (gsize i = 0; i < len; i++)
      if (buffer[i] == decimal)
        buffer[i] = '.';
  value = g_ascii_strtod (buffer, NULL);
  if (buffer != stack)
    g_free (buffer);
  return value;
}

/* Parses the longest number at the start of s; returns the bytes used (0 if none). */
static gsize
scan_number (const char *s,
             gsize       len,
             char        decimal,
             double     *out)
{
  const char *p = s;
  const char *end = s + len;
  const char *digits, *first_significant;
  gboolean negative = FALSE;
  guint64 mantissa = 0;
  gsize n_significant, n_digits;
  int exponent = 0;

  if (p < end && (*p == '-' || *p == '+'))
    {
      negative = *p == '-';
      p++;
    }
  digits = p;
  while (p < end && *p == '0')
    p++;
  first_significant = p;
  /* Past 19 digits the mantissa wraps, but then the slow path below reparses the text. */
  for (; p < end && is_digit (*p); p++)
    mantissa = mantissa * 10 + (guint64) (*p - '0');
  n_significant = (gsize) (p - first_significant);
  n_digits = (gsize) (p - digits);
  if (p < end && *p == decimal)
    {
      const char *fraction = p + 1;
      const char *q = fraction;
      const char *significant;

      if (n_significant == 0)
        while (q < end && *q == '0')
          q++;
      significant = q;
      for (; q < end && is_digit (*q); q++)
        mantissa = mantissa * 10 + (guint64) (*q - '0');
      n_significant += (gsize) (q - significant);
      n_digits += (gsize) (q - fraction);
      exponent = -(int) MIN (q - fraction, 100000);
      /* "5." is a number, "." alone is not. */
      if (n_digits > 0)
        p = q;
    }
  if (n_digits == 0)
    return 0;
  if (p < end && (*p == 'e' || *p == 'E'))
    {
      const char *q = p + 1;
      gboolean exp_negative = FALSE;
      int exp_value = 0;

      if (q < end && (*q == '-' || *q == '+'))
        {
          exp_negative = *q == '-';
          q++;
        }
      if (q < end && is_digit (*q))
        {
          for (; q < end && is_digit (*q); q++)
            if (exp_value < 100000)
              exp_value = exp_value * 10 + (*q - '0');
          exponent += exp_negative ? -exp_value : exp_value;
          p = q;
        }
    }

  if (n_significant <= 15 && exponent >= -22 && exponent <= 22)
    {
      double value = (double) mantissa;

      value = exponent < 0 ? value / exact_pow10[-exponent] : value * exact_pow10[exponent];
      *out = negative ? -value : value;
    }
  else
    *out = slow_parse (s, (gsize) (p - s), decimal);
  return (gsize) (p - s);
}

gboolean
ob_csv_parse_number (const char *s,
                     gsize       len,
                     char        decimal,
                     double     *out)
{
  double value;

  if (len == 0 || scan_number (s, len, decimal, &value) != len)
    return FALSE;
  *out = value;
  return TRUE;
}

static gint64
days_from_civil (int      year,
                 unsigned month,
                 unsigned day)
{
  /* Howard Hinnant's algorithm: proleptic Gregorian calendar, no tables, no allocation. */
  int y = year - (month <= 2 ? 1 : 0);
  int era = (y >= 0 ? y : y - 399) / 400;
  unsigned yoe = (unsigned) (y - era * 400);
  unsigned doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return (gint64) era * 146097 + (gint64) doe - 719468;
}

static gsize
scan_int (const char *s,
          const char *end,
          guint       max_digits,
          unsigned   *out)
{
  gsize n = 0;

  *out = 0;
  while (s + n < end && n < max_digits && is_digit (s[n]))
    {
      *out = *out * 10 + (unsigned) (s[n] - '0');
      n++;
    }
  return n;
}

gboolean
ob_csv_parse_date (const char *s,
                   gsize       len,
                   double     *out_days)
{
  const char *end = s + len;
  unsigned year, month, day;
  gsize n;
  char separator;

  if (len < 8 || len > 10 || scan_int (s, end, 4, &year) != 4)
    return FALSE;
  separator = s[4];
  if (separator != '-' && separator != '/')
    return FALSE;
  s += 5;
  n = scan_int (s, end, 2, &month);
  if (n == 0 || s + n >= end || s[n] != separator)
    return FALSE;
  s += n + 1;
  n = scan_int (s, end, 2, &day);
  if (n == 0 || s + n != end)
    return FALSE;
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;
  *out_days = (double) days_from_civil ((int) year, month, day);
  return TRUE;
}

static gboolean
parse_thousands (const char *s,
                 gsize       len,
                 char        decimal,
                 double     *out)
{
  char separator = decimal == ',' ? '.' : ',';
  char buffer[64];
  gsize n = 0, i = 0, group;

  if (len >= sizeof buffer)
    return FALSE;
  if (s[0] == '-' || s[0] == '+')
    buffer[n++] = s[i++];
  for (group = 0; i < len && is_digit (s[i]) && group < 3; i++, group++)
    buffer[n++] = s[i];
  if (group == 0 || i >= len || s[i] != separator)
    return FALSE;
  while (i < len && s[i] == separator)
    {
      i++;
      for (group = 0; i < len && is_digit (s[i]); i++, group++)
        buffer[n++] = s[i];
      if (group != 3)
        return FALSE;
    }
  if (i < len && s[i] == decimal)
    {
      buffer[n++] = '.';
      for (i++, group = 0; i < len && is_digit (s[i]); i++, group++)
        buffer[n++] = s[i];
      if (group == 0)
        return FALSE;
    }
  if (i != len)
    return FALSE;
  return ob_csv_parse_number (buffer, n, '.', out);
}

static gboolean
parse_units (const char *s,
             gsize       len,
             char        decimal,
             double     *out)
{
  gsize used = scan_number (s, len, decimal, out);
  gsize unit_start = used;
  guchar first;

  if (used == 0 || !is_digit (s[used - 1]))
    return FALSE;
  while (unit_start < len && s[unit_start] == ' ')
    unit_start++;
  if (unit_start >= len || len - unit_start > 16)
    return FALSE;
  first = (guchar) s[unit_start];
  if (!(g_ascii_isalpha (first) || first == '%' || first >= 0x80))
    return FALSE;
  /* "3a" or "10x" are more often codes (stage 3a) than quantities. */
  if (unit_start == used && len - unit_start == 1 && first != '%')
    return FALSE;
  return TRUE;
}

ObCsvCellKind
ob_csv_classify_cell (const char *s,
                      gsize       len,
                      char        decimal,
                      double     *out_value)
{
  *out_value = NAN;
  if (ob_csv_is_missing (s, len))
    return OB_CSV_CELL_MISSING;
  if (ob_csv_parse_number (s, len, decimal, out_value))
    return OB_CSV_CELL_NUMBER;
  if (ob_csv_parse_date (s, len, out_value))
    return OB_CSV_CELL_DATE;
  if (parse_thousands (s, len, decimal, out_value))
    return OB_CSV_CELL_THOUSANDS;
  if (parse_units (s, len, decimal, out_value))
    return OB_CSV_CELL_UNITS;
  *out_value = NAN;
  return OB_CSV_CELL_OTHER;
}

static gboolean
level_number (const char *s,
              double     *out)
{
  return ob_csv_parse_number (s, strlen (s), '.', out);
}

int
ob_csv_compare_levels (const char *a,
                       const char *b)
{
  double x, y;
  gboolean a_number = level_number (a, &x);
  gboolean b_number = level_number (b, &y);
  const char *p = a, *q = b;

  if (a_number != b_number)
    return a_number ? -1 : 1;
  if (a_number && x != y)
    return x < y ? -1 : 1;

  while (*p != '\0' && *q != '\0')
    {
      if (is_digit (*p) && is_digit (*q))
        {
          const char *p_end, *q_end;
          gsize p_len, q_len;
          int cmp;

          while (*p == '0' && is_digit (p[1]))
            p++;
          while (*q == '0' && is_digit (q[1]))
            q++;
          for (p_end = p; is_digit (*p_end); p_end++)
            ;
          for (q_end = q; is_digit (*q_end); q_end++)
            ;
          p_len = (gsize) (p_end - p);
          q_len = (gsize) (q_end - q);
          if (p_len != q_len)
            return p_len < q_len ? -1 : 1;
          cmp = memcmp (p, q, p_len);
          if (cmp != 0)
            return cmp;
          p = p_end;
          q = q_end;
        }
      else if (*p != *q)
        return (guchar) *p < (guchar) *q ? -1 : 1;
      else
        {
          p++;
          q++;
        }
    }
  if (*p != *q)
    return (guchar) *p < (guchar) *q ? -1 : 1;
  return strcmp (a, b);
}
