# Helpers sourced by run.sh and http_bench.sh.

# free_port BASE → prints the first port from BASE up on which nothing listens on 127.0.0.1.
# Our servers bind with SO_REUSEPORT, so binding would "succeed" next to someone else's
# server and the kernel would split the connections between the two: look before binding.
free_port() {
  local p="$1"
  while (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done
  echo "$p"
}
