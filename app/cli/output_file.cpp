#include "output_file.h"

#include <array>
#include <cerrno>
#include <ostream>
#include <stdexcept>
#include <streambuf>
#include <string>
#include <system_error>

#include <fcntl.h>
#include <unistd.h>

namespace ledger::cli {

namespace {

/// An output stream buffer over a file descriptor that reports every failed write.
class DescriptorBuffer : public std::streambuf {
public:
    explicit DescriptorBuffer(int fd) : m_fd(fd) {
        setp(m_buffer.data(), m_buffer.data() + m_buffer.size());
    }

protected:
    int_type overflow(int_type c) override {
        if (!drain()) {
            return traits_type::eof();
        }
        if (!traits_type::eq_int_type(c, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(c);
            pbump(1);
        }
        return traits_type::not_eof(c);
    }
    int sync() override { return drain() ? 0 : -1; }

private:
    bool drain() {
        const char* from = pbase();
        while (from < pptr()) {
            const ssize_t n = ::write(m_fd, from, static_cast<std::size_t>(pptr() - from));
            if (n < 0 && errno == EINTR) {
                continue;
            }
            if (n <= 0) {
                return false;
            }
            from += n;
        }
        setp(m_buffer.data(), m_buffer.data() + m_buffer.size());
        return true;
    }

    int m_fd;
    std::array<char, 1 << 16> m_buffer{};
};

} // namespace

void writeWholeFile(const std::filesystem::path& path,
                    const std::function<void(std::ostream&)>& write) {
    const auto failed = [&](const std::string& what, int error) {
        return std::runtime_error("cannot " + what + " " + path.string() + ": " +
                                  std::generic_category().message(error));
    };
    const std::filesystem::path folder =
        path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    std::string temp = (folder / ("." + path.filename().string() + ".partial-XXXXXX")).string();
    const int fd = ::mkostemp(temp.data(), O_CLOEXEC);
    if (fd < 0) {
        throw failed("write", errno);
    }
    struct Partial {
        std::string path;
        int fd;
        bool kept = false;
        ~Partial() {
            if (fd >= 0) {
                ::close(fd);
            }
            if (!kept) {
                ::unlink(path.c_str());
            }
        }
    } partial{temp, fd};
    {
        DescriptorBuffer buffer(fd);
        std::ostream file(&buffer);
        write(file);
        file.flush();
        if (!file) {
            throw failed("write", errno == 0 ? EIO : errno);
        }
    }
    if (::fsync(fd) != 0) {
        throw failed("write", errno);
    }
    const int closed = ::close(partial.fd);
    partial.fd = -1;
    if (closed != 0) {
        throw failed("write", errno);
    }
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        throw failed("replace", errno);
    }
    partial.kept = true;
    const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
}

} // namespace ledger::cli
