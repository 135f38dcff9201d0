// normalize/tables: tables and two-column layouts in a page's raw text, read
// as text. Normalize() calls it on every page before its own passes, which
// then see the rewritten page (and map offsets back through its anchors).
//
// What it rewrites (and nothing else):
// - a block of consecutive lines shaped as table rows, "|cell|cell|" (rule
//   lines of | - + = : only may sit among them), where every row of two
//   cells or more has the same number of cells, two such rows at least:
//   * a layout table — two columns once the columns empty in every row are
//     set aside: a wide body of wrapped prose (its rows continue each other)
//     beside a narrow sidebar — becomes the body's fragments one a line in
//     reading order (an empty body cell between two full ones is a blank
//     line), with the sidebar as label/value lines ("Nombre de membres" /
//     "en exercice :" / "15" -> "Nombre de membres en exercice : 15"): each
//     run of sidebar rows goes before the body line where the sentence
//     beside it starts, never inside a sentence (a run beside the body's
//     first lines comes first, then a blank line). Labels that head the
//     body's paragraphs ("Article 2" beside its text) are no sidebar: each
//     row is then read across;
//   * an attendance grid — a header naming a name column and a "Présent"
//     column (and maybe "Absent", "Excusé", "Procuration à" columns), every
//     other row a person (people/ReadPerson reads the whole cell) with one
//     status — becomes "Présents : A, B." "Absents excusés : C."
//     "Procurations : D à A." lines; a grid with one row it cannot read
//     surely is a data table;
//   * any other table is a data table, one row a line: a header over one
//     row of figures as "Pour : 12 ; Contre : 2", a label and a figure as
//     "Votants : 14", other rows as their cells joined by " ; " (empty cells
//     kept between full ones); signature blocks side by side (roles over
//     names) keep their cells parted by a wide gap, as a text layout prints
//     them. Cells that rule lines show to span several lines are joined
//     first.
// - a two-column text layout (pdftotext -layout, OCR): six lines or more
//   where a narrow left column is parted from a body of prose by a gap of six
//   spaces or more, the body starting at the same column (give or take one)
//   on every line, lines of the body alone indented to that column: the
//   left column becomes label/value lines, as above. A line
//   outside such a run (a gap inside one sentence, a signature block, a
//   table of figures) is left alone.
// Anything else passes through byte for byte.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace delibex {

// From `text` on, the rewritten page is a copy of the page from `page` on,
// until the next anchor.
struct RewriteAnchor {
  size_t text = 0;
  size_t page = 0;
};

// A page with its tables rewritten. Immutable once made, safe to share.
struct TableRewrite {
  std::string text;
  // Increasing in `text`, the first at 0. Inserted characters (separators,
  // labels) have one anchor each, at the page byte they stand for.
  std::vector<RewriteAnchor> anchors;

  // The page offset of text offset `at`.
  size_t PageOffset(size_t at) const;
};

// The page's text with its tables rewritten, or nullopt when it holds none
// (most pages). Never fails; safe to call from many threads at once.
std::optional<TableRewrite> RewriteTables(std::string_view page);

}  // namespace delibex
