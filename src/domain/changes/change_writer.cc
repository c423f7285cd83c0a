#include "domain/changes/change_writer.h"

namespace shanhai {

Status ChangeWriter::Append(std::vector<Change> batch) {
  SH_ASSIGN_OR_RETURN(int64_t last, log_.Append(batch, clock_.Iso()));
  if (last > 0) last_seq_ = last;
  return Status::Ok();
}

void ChangeWriter::Announce() {
  if (feed_ && last_seq_ > 0) feed_->Committed(last_seq_);
}

}  // namespace shanhai
