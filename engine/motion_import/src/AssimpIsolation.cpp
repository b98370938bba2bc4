// Internal: Assimp reads rehearsed in a child process. Debian's Assimp 5.2 dereferences null on
// some malformed glTF files and allocates terabytes on some damaged headers (both found by
// fuzz_assimp); no check on our side of the boundary can know every such file, but a child can
// simply try. The rehearsal costs one fork and a second parse of a file that reads cleanly —
// milliseconds for the avatars and clips Mimesis loads — and is skipped by nothing.
//
// Forking copies the page tables of the forking process, so it costs in proportion to its size
// (about 1 ms for a 1 MB process and 8 ms for 100 MB on our CI machines). Children are therefore
// forked by a small "reader host" process, itself forked once — early, while the process is small,
// if startAssimpIsolation() is called at start-up — and asked over a socket. If the host is gone
// (killed, or never started because fork failed), the child is forked directly.
#include "AssimpIsolation.hpp"

#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <mutex>
#include <set>

#include <assimp/BaseImporter.h>
#include <assimp/config.h>

#include "AssimpScene.hpp"
#include "mimesis/motion_import/AssimpImport.hpp"

namespace mimesis::detail {

namespace {

// Child exit codes; anything else (or a signal) is a crash.
constexpr int kChildRead = 0;
constexpr int kChildRefused = 2;
constexpr int kChildThrew = 3;
constexpr std::size_t kMaxMessageBytes = 4096;

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kAddressSanitizer = true;
#else
constexpr bool kAddressSanitizer = false;
#endif
#else
constexpr bool kAddressSanitizer = false;
#endif

unsigned long long mappedBytes() {
  // /proc/self/statm: total program size in pages first.
  std::ifstream statm("/proc/self/statm");
  unsigned long long pages = 0;
  statm >> pages;
  return pages * static_cast<unsigned long long>(::sysconf(_SC_PAGESIZE));
}

void limitChild(const AssimpChildLimits& limits) {
  // ASan reserves terabytes of shadow address space up front, so an address-space cap would
  // break the sanitizer itself; there ASan's own allocator limit reports the runaway instead.
  if (!kAddressSanitizer) {
    const rlim_t cap = static_cast<rlim_t>(mappedBytes() + limits.extraAddressSpaceBytes);
    const rlimit as{cap, cap};
    ::setrlimit(RLIMIT_AS, &as);
  }
  const rlimit cpu{static_cast<rlim_t>(limits.cpuSeconds), static_cast<rlim_t>(limits.cpuSeconds + 1)};
  ::setrlimit(RLIMIT_CPU, &cpu);
}

void writeAll(int fd, const std::string& text) {
  const char* p = text.data();
  std::size_t left = std::min(text.size(), kMaxMessageBytes);
  while (left > 0) {
    const ssize_t n = ::write(fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    p += n;
    left -= static_cast<std::size_t>(n);
  }
}

[[noreturn]] void runChild(int fd, const std::string& path, unsigned int flags, const AssimpChildLimits& limits) {
  limitChild(limits);
  // A crash here is an expected outcome the parent reports, not a bug to diagnose in this process:
  // default dispositions, so an inherited crash handler (a sanitizer's, with its stack symbolising,
  // or an application's) does not run for it.
  for (int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGXCPU}) std::signal(sig, SIG_DFL);
  int code = kChildRead;
  try {
    Assimp::Importer importer;
    configureImporter(importer);
    Result<const aiScene*> read = readWithClaimingImporter(importer, path, flags);
    if (!read) {
      writeAll(fd, read.error().message);
      code = kChildRefused;
    }
  } catch (...) {
    code = kChildThrew;
  }
  // _exit: no atexit handlers, no stdio flush of buffers inherited from the parent, no
  // destructors of the parent's Vulkan or OpenXR objects.
  ::_exit(code);
}

std::string readAll(int fd) {
  std::string out;
  char buf[512];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    if (out.size() < kMaxMessageBytes) out.append(buf, static_cast<std::size_t>(n));
  }
  return out;
}

std::string signalName(int sig) {
  const char* abbrev = ::sigabbrev_np(sig);
  return abbrev != nullptr ? "SIG" + std::string(abbrev) : "signal " + std::to_string(sig);
}

}  // namespace

void configureImporter(Assimp::Importer& importer) {
  // Without this Assimp splits FBX pivots into "$AssimpFbx$" helper nodes that would become joints.
  importer.SetPropertyBool(AI_CONFIG_IMPORT_FBX_PRESERVE_PIVOTS, false);
}

Result<const aiScene*> readWithClaimingImporter(Assimp::Importer& importer, const std::string& path,
                                                unsigned int postProcessFlags) {
  const std::string ext = extensionOf(path);
  std::size_t claimants = 0;
  bool recognised = false;
  for (std::size_t i = 0; i < importer.GetImporterCount() && !recognised; ++i) {
    Assimp::BaseImporter* candidate = importer.GetImporter(i);
    if (candidate == nullptr) continue;
    std::set<std::string> extensions;
    candidate->GetExtensionList(extensions);
    if (extensions.count(ext) == 0) continue;
    ++claimants;
    recognised = candidate->CanRead(path, importer.GetIOHandler(), true);
  }
  if (claimants == 0) return makeError(ErrorCode::BadInput, "Assimp has no importer for '." + ext + "' files", path);
  if (!recognised)
    return makeError(ErrorCode::BadInput, "not a ." + ext + " file: Assimp's importers for ." + ext + " do not recognise its contents", path);
  const aiScene* scene = importer.ReadFile(path, postProcessFlags);
  if (scene == nullptr) {
    std::string reason = importer.GetErrorString();
    if (reason.empty()) reason = "unknown reason";
    return makeError(ErrorCode::BadInput, "Assimp could not import the file: " + reason, path);
  }
  return scene;
}

namespace {

// How a child ended: its wait status and what it wrote. `started` false: fork or pipe failed.
struct ChildOutcome {
  bool started = false;
  int status = 0;
  std::string message;  // the child's message, or why it could not start
};

ChildOutcome forkChild(const std::string& path, unsigned int flags, const AssimpChildLimits& limits) {
  ChildOutcome out;
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    out.message = std::string("pipe: ") + std::strerror(errno);
    return out;
  }
  const pid_t pid = ::fork();
  if (pid < 0) {
    out.message = std::string("fork: ") + std::strerror(errno);
    ::close(fds[0]);
    ::close(fds[1]);
    return out;
  }
  if (pid == 0) {
    ::close(fds[0]);
    runChild(fds[1], path, flags, limits);
  }
  ::close(fds[1]);
  out.message = readAll(fds[0]);
  ::close(fds[0]);
  while (::waitpid(pid, &out.status, 0) < 0) {
    if (errno != EINTR) {
      out.message = std::string("waitpid: ") + std::strerror(errno);
      return out;
    }
  }
  out.started = true;
  return out;
}

// Wire format, host side and caller side alike (SOCK_SEQPACKET keeps message boundaries):
// request  = flags (u32) | cpuSeconds (u32) | extraAddressSpaceBytes (u64) | path bytes
// reply    = started (u8) | wait status (i32) | message bytes
constexpr std::size_t kRequestHeader = 4 + 4 + 8;
constexpr std::size_t kReplyHeader = 1 + 4;
constexpr std::size_t kMaxPacket = 64 * 1024;

[[noreturn]] void runReaderHost(int sock) {
  // The host serves one process: it dies with it, and keeps none of its descriptors open (a
  // pipe a parent is waiting to see closed must not stay open here).
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (sock > 3) ::close_range(3, static_cast<unsigned int>(sock - 1), 0);
  ::close_range(static_cast<unsigned int>(sock + 1), ~0u, 0);
  std::string packet(kMaxPacket, '\0');
  for (;;) {
    const ssize_t n = ::recv(sock, packet.data(), packet.size(), 0);
    if (n < 0 && errno == EINTR) continue;
    if (n < static_cast<ssize_t>(kRequestHeader)) ::_exit(0);  // the process closed its end
    std::uint32_t flags = 0;
    AssimpChildLimits limits;
    std::uint32_t cpu = 0;
    std::memcpy(&flags, packet.data(), 4);
    std::memcpy(&cpu, packet.data() + 4, 4);
    std::memcpy(&limits.extraAddressSpaceBytes, packet.data() + 8, 8);
    limits.cpuSeconds = cpu;
    const std::string path(packet.data() + kRequestHeader, static_cast<std::size_t>(n) - kRequestHeader);
    const ChildOutcome outcome = forkChild(path, flags, limits);
    std::string reply(kReplyHeader, '\0');
    reply[0] = outcome.started ? 1 : 0;
    std::memcpy(reply.data() + 1, &outcome.status, 4);
    reply += outcome.message.substr(0, kMaxMessageBytes);
    if (::send(sock, reply.data(), reply.size(), MSG_NOSIGNAL) < 0) ::_exit(0);
  }
}

// The caller's handle on its reader host; one request at a time.
struct ReaderHost {
  std::mutex mutex;
  int sock = -1;
  pid_t pid = -1;

  bool start() {
    int pair[2];
    if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, pair) != 0) return false;
    const pid_t child = ::fork();
    if (child < 0) {
      ::close(pair[0]);
      ::close(pair[1]);
      return false;
    }
    if (child == 0) runReaderHost(pair[1]);
    ::close(pair[1]);
    sock = pair[0];
    pid = child;
    return true;
  }

  void stop() {
    if (sock >= 0) ::close(sock);
    if (pid > 0) {
      ::kill(pid, SIGKILL);
      while (::waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {
      }
    }
    sock = -1;
    pid = -1;
  }

  // The outcome, or started=false with an empty message when the host is not answering.
  ChildOutcome ask(const std::string& path, unsigned int flags, const AssimpChildLimits& limits) {
    ChildOutcome out;
    if (sock < 0 || path.size() + kRequestHeader > kMaxPacket) return out;
    std::string request(kRequestHeader, '\0');
    const std::uint32_t f = flags;
    const auto cpu = static_cast<std::uint32_t>(limits.cpuSeconds);
    std::memcpy(request.data(), &f, 4);
    std::memcpy(request.data() + 4, &cpu, 4);
    std::memcpy(request.data() + 8, &limits.extraAddressSpaceBytes, 8);
    request += path;
    if (::send(sock, request.data(), request.size(), MSG_NOSIGNAL) < 0) return out;
    std::string reply(kReplyHeader + kMaxMessageBytes, '\0');
    ssize_t n = -1;
    do {
      n = ::recv(sock, reply.data(), reply.size(), 0);
    } while (n < 0 && errno == EINTR);
    if (n < static_cast<ssize_t>(kReplyHeader)) return out;
    out.started = reply[0] != 0;
    std::memcpy(&out.status, reply.data() + 1, 4);
    out.message.assign(reply.data() + kReplyHeader, static_cast<std::size_t>(n) - kReplyHeader);
    if (!out.started && out.message.empty()) out.message = "the reader host could not fork";
    return out;
  }
};

ReaderHost& readerHost() {
  // Never destroyed: the host goes when this process does (PR_SET_PDEATHSIG, end of file on
  // its socket), and a destructor at exit could race a late import on another thread.
  static ReaderHost* host = new ReaderHost();
  return *host;
}

ChildOutcome rehearse(const std::string& path, unsigned int flags, const AssimpChildLimits& limits) {
  ReaderHost& host = readerHost();
  std::lock_guard<std::mutex> lock(host.mutex);
  if (host.sock < 0) host.start();
  ChildOutcome outcome = host.ask(path, flags, limits);
  if (outcome.started || !outcome.message.empty()) return outcome;
  // The host is gone (or never came): start a new one once, then fork directly.
  host.stop();
  if (host.start()) {
    outcome = host.ask(path, flags, limits);
    if (outcome.started || !outcome.message.empty()) return outcome;
    host.stop();
  }
  return forkChild(path, flags, limits);
}

}  // namespace

void startReaderHost() {
  ReaderHost& host = readerHost();
  std::lock_guard<std::mutex> lock(host.mutex);
  if (host.sock < 0) host.start();
}

std::optional<Error> rehearseAssimpRead(const std::string& path, unsigned int postProcessFlags,
                                        const AssimpChildLimits& limits) {
  const ChildOutcome outcome = rehearse(path, postProcessFlags, limits);
  if (!outcome.started)
    return makeError(ErrorCode::Io, "cannot start the import check: " + outcome.message, path);
  const int status = outcome.status;
  const std::string& message = outcome.message;
  if (WIFEXITED(status)) {
    switch (WEXITSTATUS(status)) {
      case kChildRead:
        return std::nullopt;
      case kChildRefused:
        if (message.find("bad_alloc") != std::string::npos)
          return makeError(ErrorCode::Limit,
                           "Assimp needs more than " + std::to_string(limits.extraAddressSpaceBytes >> 30) +
                               " GiB of memory to read the file; it is damaged or far larger than a clip or avatar",
                           path);
        return makeError(ErrorCode::BadInput, message, path);
      case kChildThrew:
        return makeError(ErrorCode::BadInput, "Assimp failed while reading the file", path);
      default:
        break;
    }
    return makeError(ErrorCode::BadInput,
                     "Assimp stopped with exit code " + std::to_string(WEXITSTATUS(status)) + " while reading the file",
                     path);
  }
  const int sig = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  if (sig == SIGXCPU)
    return makeError(ErrorCode::Limit,
                     "Assimp used more than " + std::to_string(limits.cpuSeconds) + " s of CPU reading the file", path);
  return makeError(ErrorCode::BadInput,
                   "Assimp crashed (" + signalName(sig) +
                       ") while reading the file; it is damaged or uses something Assimp cannot read",
                   path);
}

}  // namespace mimesis::detail

namespace mimesis {

void startAssimpIsolation() { detail::startReaderHost(); }

}  // namespace mimesis
