// CsvText: RFC 4180 cells, read from one line and written for one field.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mimesis {

// The cells of one line: a quoted cell may hold commas and doubled quotes. Returns false when
// a quote is left open (our readers never quote across lines). `cells` is replaced.
bool splitCsvCells(std::string_view line, std::vector<std::string>& cells);

// `text` as one CSV field: as it is, or in double quotes with its quotes doubled when it holds a
// comma, a quote or a line break.
std::string csvCell(std::string_view text);

}  // namespace mimesis
