// The batch commands' progress bar: one line on stderr, redrawn in place, only on a terminal.
#pragma once

#include <cstddef>

namespace mimesis::app {

// Draws "[#####     ] done/total" on stderr when stderr is a terminal (never in logs or CI);
// ends the line when done == total.
void showProgress(std::size_t done, std::size_t total);

}  // namespace mimesis::app
