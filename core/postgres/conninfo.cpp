#include "postgres/conninfo.h"

#include "base/error.h"

#include <libpq-fe.h>

#include <algorithm>
#include <arpa/inet.h>
#include <cctype>
#include <cstring>
#include <memory>
#include <netinet/in.h>
#include <vector>

namespace ledger::pg {

namespace {

struct FreeOptions {
    void operator()(PQconninfoOption* options) const noexcept { PQconninfoFree(options); }
};
using Options = std::unique_ptr<PQconninfoOption, FreeOptions>;

struct Parsed {
    Options options;
    std::string problem;
};

Parsed parse(std::string_view conninfo) {
    char* error = nullptr;
    Parsed parsed{Options(PQconninfoParse(std::string(conninfo).c_str(), &error)), ""};
    if (!parsed.options) {
        std::string problem = error ? error : "libpq could not read it (out of memory?)";
        while (!problem.empty() && (problem.back() == '\n' || problem.back() == ' ')) {
            problem.pop_back();
        }
        parsed.problem = std::move(problem);
    }
    PQfreemem(error);
    return parsed;
}

Options parseOrThrow(std::string_view conninfo) {
    Parsed parsed = parse(conninfo);
    if (!parsed.options) {
        throw ValidationError({FieldError{"", 0, "location", parsed.problem}});
    }
    return std::move(parsed.options);
}

// The value of `keyword` (nullptr when unset).
const char* valueOf(const PQconninfoOption* options, const char* keyword) {
    for (const PQconninfoOption* o = options; o != nullptr && o->keyword != nullptr; ++o) {
        if (std::strcmp(o->keyword, keyword) == 0) {
            return o->val;
        }
    }
    return nullptr;
}

std::vector<std::string_view> splitList(std::string_view list) {
    std::vector<std::string_view> items;
    std::size_t start = 0;
    for (;;) {
        const std::size_t comma = list.find(',', start);
        items.push_back(list.substr(start, comma == std::string_view::npos ? std::string_view::npos
                                                                           : comma - start));
        if (comma == std::string_view::npos) {
            return items;
        }
        start = comma + 1;
    }
}

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

} // namespace

bool isServerLocation(std::string_view location) {
    return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

bool isConninfo(std::string_view text) {
    return isServerLocation(text) || text.find('=') != std::string_view::npos;
}

std::optional<std::string> conninfoProblem(std::string_view conninfo) {
    Parsed parsed = parse(conninfo);
    if (parsed.options) {
        return std::nullopt;
    }
    return parsed.problem;
}

bool carriesPassword(std::string_view conninfo) {
    if (!isConninfo(conninfo)) {
        return false; // a bare database name
    }
    const Options options = parseOrThrow(conninfo);
    return valueOf(options.get(), "password") != nullptr;
}

bool isLoopbackHost(std::string_view host) {
    if (host.empty() || host.front() == '/' || host.front() == '@') {
        return true;
    }
    if (equalsIgnoringCase(host, "localhost")) {
        return true;
    }
    const std::string text(host);
    in_addr v4{};
    if (inet_pton(AF_INET, text.c_str(), &v4) == 1) {
        return (ntohl(v4.s_addr) >> 24) == 127;
    }
    in6_addr v6{};
    if (inet_pton(AF_INET6, text.c_str(), &v6) == 1) {
        if (IN6_IS_ADDR_LOOPBACK(&v6)) {
            return true;
        }
        return IN6_IS_ADDR_V4MAPPED(&v6) && v6.s6_addr[12] == 127;
    }
    return false;
}

std::optional<std::string> tlsWarningFor(std::string_view host, std::string_view hostaddr,
                                         std::string_view sslmode) {
    const std::string_view mode = sslmode.empty() ? std::string_view("prefer") : sslmode;
    if (mode == "verify-full") {
        return std::nullopt;
    }
    const std::vector<std::string_view> hosts = splitList(host);
    const std::vector<std::string_view> addresses = splitList(hostaddr);
    const std::size_t count = std::max(hosts.size(), addresses.size());
    for (std::size_t i = 0; i < count; ++i) {
        const std::string_view name = i < hosts.size() ? hosts[i] : std::string_view();
        const std::string_view address = i < addresses.size() ? addresses[i] : std::string_view();
        const std::string_view destination = address.empty() ? name : address;
        if (!isLoopbackHost(destination)) {
            return "the connection to " + std::string(destination) +
                   " is not protected by verified TLS (sslmode=" + std::string(mode) +
                   "): the password and the records could be read or changed on the way; ask "
                   "the database administrator for sslmode=verify-full";
        }
    }
    return std::nullopt;
}

std::optional<std::string> tlsWarning(std::string_view conninfo) {
    Options given;
    if (isConninfo(conninfo)) {
        given = parseOrThrow(conninfo);
    }
    // PQconndefaults holds each option's environment variable or compiled-in default.
    const Options defaults(PQconndefaults());
    const auto pick = [&](const char* keyword) -> std::string_view {
        const char* value = valueOf(given.get(), keyword);
        if (value == nullptr || *value == '\0') {
            value = valueOf(defaults.get(), keyword);
        }
        return value ? std::string_view(value) : std::string_view();
    };
    return tlsWarningFor(pick("host"), pick("hostaddr"), pick("sslmode"));
}

} // namespace ledger::pg
