#include "session/demofolder.h"

#include <QByteArray>
#include <QDir>
#include <QRegularExpression>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <limits>
#include <stdexcept>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

void removeTree(const QString& path) {
    // removeRecursively deletes symbolic links, never what they point to.
    QDir(path).removeRecursively();
}

} // namespace

DemoFolder::DemoFolder(const QString& parent) {
    QByteArray name = QFile::encodeName(parent + QLatin1Char('/') + kPrefix +
                                        QString::number(::getpid()) + QStringLiteral("-XXXXXX"));
    if (::mkdtemp(name.data()) == nullptr) { // mkdtemp makes it 0700
        throw std::runtime_error("cannot make a private folder for the demo ledger");
    }
    m_path = QFile::decodeName(name);
    const QByteArray lock = QFile::encodeName(filePath(kLockName));
    m_lock = ::open(lock.constData(), O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (m_lock < 0 || ::flock(m_lock, LOCK_EX | LOCK_NB) != 0) {
        if (m_lock >= 0) {
            ::close(m_lock);
        }
        removeTree(m_path);
        throw std::runtime_error("cannot lock the demo ledger's folder");
    }
}

DemoFolder::~DemoFolder() {
    removeTree(m_path);
    ::close(m_lock); // the lock goes last, with the folder already gone
}

QString DemoFolder::filePath(const QString& name) const {
    return m_path + QLatin1Char('/') + name;
}

int DemoFolder::removeLeftovers(const QString& parent) {
    static const QRegularExpression pattern(QLatin1String("^") +
                                            QRegularExpression::escape(kPrefix) +
                                            QLatin1String("([0-9]+)-[A-Za-z0-9]{6}$"));
    int removed = 0;
    const QStringList names =
        QDir(parent).entryList({kPrefix + QLatin1Char('*')}, QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& name : names) {
        const QRegularExpressionMatch match = pattern.match(name);
        if (!match.hasMatch()) {
            continue;
        }
        const QString path = parent + QLatin1Char('/') + name;
        struct stat info {};
        if (::lstat(QFile::encodeName(path).constData(), &info) != 0 || !S_ISDIR(info.st_mode) ||
            info.st_uid != ::geteuid()) {
            continue; // not a folder, or another user's
        }
        // A live run holds the lock for as long as its folder exists.
        const QByteArray lockPath = QFile::encodeName(path + QLatin1Char('/') + kLockName);
        const int lock = ::open(lockPath.constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
        if (lock >= 0 && ::flock(lock, LOCK_EX | LOCK_NB) != 0) {
            ::close(lock);
            continue;
        }
        // A free lock (or none) with its process still running is a run that has not locked
        // its folder yet: leave it.
        bool ok = false;
        const qint64 pid = match.captured(1).toLongLong(&ok);
        const bool running = ok && pid > 0 && pid <= std::numeric_limits<pid_t>::max() &&
                             pid != ::getpid() &&
                             (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
        if (!running) {
            removeTree(path);
            ++removed;
        }
        if (lock >= 0) {
            ::close(lock);
        }
    }
    return removed;
}
