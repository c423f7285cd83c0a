#include "storage/postgres/pg_dump.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

#include "storage/db_errors.h"
#include "storage/postgres/pg_url.h"

extern char** environ;

namespace shanhai {
namespace {

// The current environment with PGPASSWORD replaced by the URL's password (or removed, so a
// stray one from the parent cannot be used for a different server).
std::vector<std::string> ChildEnvironment(const std::string& password) {
  std::vector<std::string> env;
  for (char** e = environ; *e != nullptr; ++e) {
    if (std::strncmp(*e, "PGPASSWORD=", 11) != 0) env.emplace_back(*e);
  }
  if (!password.empty()) env.push_back("PGPASSWORD=" + password);
  return env;
}

std::vector<char*> Pointers(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (std::string& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

}  // namespace

Status RunPgDump(const std::string& url, const std::string& out_path) {
  std::vector<std::string> args = {"pg_dump", "-Fc", "-f", out_path, UrlWithoutPassword(url)};
  std::vector<std::string> env = ChildEnvironment(UrlPassword(url));
  std::vector<char*> argv = Pointers(args);
  std::vector<char*> envp = Pointers(env);

  int err_pipe[2];
  if (pipe2(err_pipe, O_CLOEXEC) != 0) return DatabaseError(std::string("pipe: ") + std::strerror(errno));
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], STDERR_FILENO);
  pid_t pid = 0;
  const int spawn_error = posix_spawnp(&pid, "pg_dump", &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  close(err_pipe[1]);
  if (spawn_error != 0) {
    close(err_pipe[0]);
    return DatabaseUnavailable("pg_dump", std::strerror(spawn_error));
  }

  // pg_dump writes little to stderr, so reading it to the end before waiting cannot deadlock.
  std::string errors;
  char buf[4096];
  for (;;) {
    const ssize_t n = read(err_pipe[0], buf, sizeof buf);
    if (n > 0) {
      errors.append(buf, static_cast<size_t>(n));
    } else if (n == 0 || errno != EINTR) {
      break;
    }
  }
  close(err_pipe[0]);
  int wait_status = 0;
  while (waitpid(pid, &wait_status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(wait_status) && WEXITSTATUS(wait_status) == 0) return Status::Ok();
  std::error_code ec;
  std::filesystem::remove(out_path, ec);
  // posix_spawnp reports a missing program as exit status 127 on glibc.
  if (WIFEXITED(wait_status) && WEXITSTATUS(wait_status) == 127) return DatabaseUnavailable("pg_dump", "program not found");
  return DatabaseError("pg_dump failed: " + errors);
}

}  // namespace shanhai
