#pragma once

#include <filesystem>
#include <functional>
#include <iosfwd>

namespace ledger::cli {

/// Writes `path` whole or not at all: `write` fills a new file beside it (readable by its
/// owner only: an export holds personal records), which is flushed to the disk and renamed
/// over `path` only when complete. On any failure the new file is removed and `path` is as
/// it was.
void writeWholeFile(const std::filesystem::path& path,
                    const std::function<void(std::ostream&)>& write);

} // namespace ledger::cli
