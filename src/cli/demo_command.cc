// shanhai demo: load the Pingtang–Baiyun demonstration dataset into an empty database.
#include <iostream>

#include "cli/connect.h"
#include "demo/demo_dataset.h"

namespace shanhai::cli {

Status LoadDemo(AppConn& conn) {
  SH_RETURN_IF_ERROR(LoadDemoDataset(conn.ledgers()));
  std::cout << "演示数据已载入 demo data loaded: 帮扶关系 440111-522727（广州市白云区—黔南州平塘县）\n";
  return Status::Ok();
}

void RegisterDemo(CLI::App& app) {
  auto options = std::make_shared<DbOptions>();
  CLI::App* cmd = app.add_subcommand("demo", "载入平塘—白云演示数据（仅空库）/ load the demo data into an empty database");
  AddDbOptions(*cmd, *options);
  cmd->callback([options] {
    Result<Connected> c = Connect(*options, false);
    if (!c.ok()) {
      ExitCode() = PrintError(c.status());
      return;
    }
    ExitCode() = PrintError(LoadDemo(*c->conn));
  });
}

}  // namespace shanhai::cli
