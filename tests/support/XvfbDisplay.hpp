// A virtual X display for window tests: uses $DISPLAY when set, else starts Xvfb on a free
// display number for the life of the test binary. CI has no display, so this is what lets the
// window swapchain and desktop tests run there.
#pragma once

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>

namespace mimesis::test {

class XvfbDisplay {
 public:
  static XvfbDisplay& get() {
    static XvfbDisplay d;
    return d;
  }
  bool ok() const { return ok_; }
  const std::string& why() const { return why_; }
  ~XvfbDisplay() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      waitpid(pid_, nullptr, 0);
    }
  }

 private:
  XvfbDisplay() {
    if (const char* d = std::getenv("DISPLAY"); d != nullptr && *d != '\0') {
      ok_ = true;
      return;
    }
    const char* candidates[] = {"/usr/bin/Xvfb", "/usr/local/bin/Xvfb"};
    std::string xvfb;
    for (const char* c : candidates)
      if (std::filesystem::exists(c)) xvfb = c;
    if (xvfb.empty()) {
      why_ = "no DISPLAY and no Xvfb (Debian: xvfb)";
      return;
    }
    for (int n = 90 + static_cast<int>(getpid() % 200); n < 400; ++n) {
      const std::string socket = "/tmp/.X11-unix/X" + std::to_string(n);
      if (std::filesystem::exists(socket) || std::filesystem::exists("/tmp/.X" + std::to_string(n) + "-lock")) continue;
      const std::string display = ":" + std::to_string(n);
      pid_ = fork();
      if (pid_ == 0) {
        execl(xvfb.c_str(), "Xvfb", display.c_str(), "-screen", "0", "1600x1200x24", "-nolisten", "tcp", static_cast<char*>(nullptr));
        _exit(127);
      }
      for (int i = 0; i < 100 && !std::filesystem::exists(socket); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      if (std::filesystem::exists(socket)) {
        setenv("DISPLAY", display.c_str(), 1);
        ok_ = true;
        return;
      }
      kill(pid_, SIGTERM);
      waitpid(pid_, nullptr, 0);
      pid_ = -1;
    }
    why_ = "Xvfb did not start";
  }
  pid_t pid_ = -1;
  bool ok_ = false;
  std::string why_;
};

}  // namespace mimesis::test
