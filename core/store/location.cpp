#include "store/location.h"

#include "postgres/conninfo.h"

namespace ledger {

Location Location::parse(std::string_view text) {
    if (pg::isServerLocation(text)) {
        Location l;
        l.m_server = true;
        l.m_uri = std::string(text);
        return l;
    }
    return file(std::filesystem::path(text));
}

Location Location::file(std::filesystem::path path) {
    Location l;
    l.m_path = std::move(path);
    return l;
}

} // namespace ledger
