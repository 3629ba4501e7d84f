#include "archive/sealed_file.h"

#include "base/kill_point.h"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <istream>
#include <ostream>
#include <streambuf>

namespace ledger::archive {

namespace {

/// The payload stream of a SealWriter: every byte written goes to the seal.
class SealingBuffer : public std::streambuf {
public:
    explicit SealingBuffer(SealWriter& writer) : m_writer(writer) {}

protected:
    std::streamsize xsputn(const char* bytes, std::streamsize count) override {
        m_writer.write(std::string_view(bytes, static_cast<std::size_t>(count)));
        return count;
    }
    int_type overflow(int_type c) override {
        if (!traits_type::eq_int_type(c, traits_type::eof())) {
            const char byte = traits_type::to_char_type(c);
            m_writer.write(std::string_view(&byte, 1));
        }
        return traits_type::not_eof(c);
    }

private:
    SealWriter& m_writer;
};

/// The payload stream of a SealReader: each chunk is authenticated before a byte of it is
/// read. Exceptions from the seal (damage, a cancel) pass through the reads.
class UnsealingBuffer : public std::streambuf {
public:
    UnsealingBuffer(SealReader& reader, const Progress* progress)
        : m_reader(reader), m_progress(progress) {}

    /// True once the final chunk has been read and checked.
    [[nodiscard]] bool ended() const { return m_ended; }

protected:
    int_type underflow() override {
        if (gptr() < egptr()) {
            return traits_type::to_int_type(*gptr());
        }
        while (!m_ended) {
            m_read += m_piece.size();
            if (!m_reader.next(m_piece)) {
                m_ended = true;
                m_piece.clear();
                break;
            }
            reportProgress(m_progress,
                           static_cast<double>(m_read) /
                               static_cast<double>(m_reader.payloadSize() + 1),
                           "reading the archive was cancelled");
            if (!m_piece.empty()) {
                setg(m_piece.data(), m_piece.data(), m_piece.data() + m_piece.size());
                return traits_type::to_int_type(m_piece.front());
            }
        }
        setg(nullptr, nullptr, nullptr);
        return traits_type::eof();
    }

private:
    SealReader& m_reader;
    const Progress* m_progress;
    std::string m_piece;
    std::uint64_t m_read = 0;
    bool m_ended = false;
};

std::string errnoText() {
    return std::strerror(errno);
}

void syncFile(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    const bool ok = fd >= 0 && ::fsync(fd) == 0;
    if (fd >= 0) {
        ::close(fd);
    }
    if (!ok) {
        throw std::runtime_error("cannot write " + path.string() + ": " + errnoText());
    }
}

/// Removes the archive being written unless it was published.
struct PartialFile {
    std::filesystem::path path;
    bool keep = false;
    ~PartialFile() {
        if (!keep && !path.empty()) {
            std::error_code ignored;
            std::filesystem::remove(path, ignored);
        }
    }
};

/// Reads the whole archive at `path` through the seal and throws unless it is whole.
void readBack(const std::filesystem::path& path, std::string_view passphrase,
              const Progress* progress) {
    readSealedFile(path, passphrase, progress, [](std::istream& in) {
        std::array<char, 64 * 1024> sink{};
        while (in.rdbuf()->sgetn(sink.data(), sink.size()) > 0) {
        }
    });
}

} // namespace

std::string writtenBy() {
    return "Practice Ledger " PRACTICE_LEDGER_VERSION;
}

void writeSealedFile(const std::filesystem::path& path, std::string_view passphrase, KdfCost cost,
                     const Progress* progress,
                     const std::function<void(std::ostream&, const Progress*)>& fill) {
    std::error_code ec;
    if (std::filesystem::exists(std::filesystem::symlink_status(path, ec))) {
        throw AlreadyExists("a file already exists at " + path.string() +
                            ": an archive is written only to a new file");
    }
    const std::filesystem::path folder =
        path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
    std::array<unsigned char, 6> random{};
    randombytes_buf(random.data(), random.size());
    std::string suffix;
    for (const unsigned char byte : random) {
        suffix += "0123456789abcdef"[byte >> 4];
        suffix += "0123456789abcdef"[byte & 15];
    }
    PartialFile partial{folder / ("." + path.filename().string() + ".partial-" + suffix)};
    const int fd =
        ::open(partial.path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        partial.path.clear(); // not ours to remove
        throw std::runtime_error("cannot write an archive in " + folder.string() + ": " +
                                 errnoText());
    }
    ::close(fd);

    const Progress writing = progress ? partOf(*progress, 0.0, 0.85) : Progress{};
    {
        std::ofstream out(partial.path, std::ios::binary | std::ios::in | std::ios::out);
        if (!out) {
            throw std::runtime_error("cannot write " + partial.path.string());
        }
        SealWriter writer(out, passphrase, cost);
        SealingBuffer buffer(writer);
        std::ostream payload(&buffer);
        payload.exceptions(std::ios::badbit);
        fill(payload, &writing);
        writer.finish();
        out.close();
        if (!out) {
            throw std::runtime_error("cannot write " + partial.path.string());
        }
    }
    syncFile(partial.path);
    killPoint("archive-export-written");
    const Progress checking = progress ? partOf(*progress, 0.85, 0.15) : Progress{};
    readBack(partial.path, passphrase, &checking);
    killPoint("archive-export-before-link");
    // link() never replaces: a file that appeared at `path` meanwhile is left as it is.
    if (::link(partial.path.c_str(), path.c_str()) != 0) {
        if (errno == EEXIST) {
            throw AlreadyExists("a file already exists at " + path.string() +
                                ": an archive is written only to a new file");
        }
        throw std::runtime_error("cannot write " + path.string() + ": " + errnoText());
    }
    std::filesystem::remove(partial.path, ec);
    partial.keep = true;
    syncFile(folder);
    reportProgress(progress, 1.0, "writing the archive was cancelled");
}

void readSealedFile(const std::filesystem::path& path, std::string_view passphrase,
                    const Progress* progress, const std::function<void(std::istream&)>& read) {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        std::error_code ec;
        if (!std::filesystem::exists(path, ec)) {
            throw LedgerMissing("there is no archive at " + path.string());
        }
        throw std::runtime_error("cannot read " + path.string() + ": " + errnoText());
    }
    SealReader reader(
        [&](char* into, std::size_t size) {
            file.read(into, static_cast<std::streamsize>(size));
            if (file.bad()) {
                throw std::runtime_error("cannot read " + path.string());
            }
            return static_cast<std::size_t>(file.gcount());
        },
        passphrase);
    UnsealingBuffer buffer(reader, progress);
    std::istream payload(&buffer);
    read(payload);
    if (!buffer.ended()) {
        // Whatever `read` made of it, a payload is trusted only once its final chunk is seen.
        if (buffer.sgetc() != std::char_traits<char>::eof()) {
            throw ArchiveDamaged("the archive is damaged: its contents go on past their end");
        }
    }
    reportProgress(progress, 1.0, "reading the archive was cancelled");
}

} // namespace ledger::archive
