// TextLines: the lines of a text held in memory, numbered, for the line-based readers.
#pragma once

#include <cstddef>
#include <string_view>

namespace mimesis {

// Yields each line without its "\n" or "\r\n", so a file saved on Windows reads the same; a
// text that ends with a line break has no empty last line. The text must outlive the lines.
class TextLines {
 public:
  explicit TextLines(std::string_view text) : text_(text) {}

  // The next line, or false at the end of the text.
  bool next(std::string_view& line) {
    if (pos_ >= text_.size()) return false;
    std::size_t end = text_.find('\n', pos_);
    if (end == std::string_view::npos) end = text_.size();
    line = text_.substr(pos_, end - pos_);
    pos_ = end + 1;
    ++number_;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return true;
  }

  // 1-based number of the line `next` returned last (0 before the first): what errors cite.
  int number() const { return number_; }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  int number_ = 0;
};

}  // namespace mimesis
