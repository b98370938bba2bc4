// Runs a piece of code in a forked child under an address-space cap, so a test can prove that a
// reader refuses an absurd declared size *before* allocating for it (issue 9, resource limits).
#pragma once

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <new>
#include <string>

namespace mimesis::testing {

// Under AddressSanitizer the process reserves terabytes of shadow memory, so an address-space
// cap cannot work; the check then runs uncapped (ASan still reports allocations it cannot make).
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kAddressSpaceCapWorks = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kAddressSpaceCapWorks = false;
#else
inline constexpr bool kAddressSpaceCapWorks = true;
#endif
#else
inline constexpr bool kAddressSpaceCapWorks = true;
#endif

// Bytes of virtual memory this process maps now (VmSize), 0 if unknown.
inline std::size_t currentAddressSpace() {
  std::ifstream in("/proc/self/status");
  std::string key;
  while (in >> key) {
    if (key == "VmSize:") {
      std::size_t kb = 0;
      in >> kb;
      return kb * 1024;
    }
    std::getline(in, key);
  }
  return 0;
}

enum class CappedOutcome { Refused, Accepted, OutOfMemory, Crashed };

inline const char* name(CappedOutcome o) {
  switch (o) {
    case CappedOutcome::Refused: return "refused";
    case CappedOutcome::Accepted: return "accepted";
    case CappedOutcome::OutOfMemory: return "ran out of memory (it allocated for the declared size)";
    case CappedOutcome::Crashed: return "crashed";
  }
  return "?";
}

// Runs `readerRefuses` (true when the reader gave the expected error) in a child whose address
// space may grow by at most `extraBytes` beyond what it has at the fork.
inline CappedOutcome runWithMemoryCap(const std::function<bool()>& readerRefuses, std::size_t extraBytes) {
  std::fflush(nullptr);
  const pid_t pid = ::fork();
  if (pid == 0) {
    if (kAddressSpaceCapWorks) {
      const rlimit cap{currentAddressSpace() + extraBytes, currentAddressSpace() + extraBytes};
      ::setrlimit(RLIMIT_AS, &cap);
    }
    int code = 3;
    try {
      code = readerRefuses() ? 0 : 1;
    } catch (const std::bad_alloc&) {
      code = 2;
    }
    ::_exit(code);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (!WIFEXITED(status)) return CappedOutcome::Crashed;
  switch (WEXITSTATUS(status)) {
    case 0: return CappedOutcome::Refused;
    case 1: return CappedOutcome::Accepted;
    case 2: return CappedOutcome::OutOfMemory;
    default: return CappedOutcome::Crashed;
  }
}

}  // namespace mimesis::testing
