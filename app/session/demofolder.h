#pragma once

#include <QString>

/// The demo ledger's private folder, `practice-ledger-demo-PID-XXXXXX` under the temporary
/// folder: readable by its owner only (0700), removed with everything in it when this object
/// goes. For as long as it exists the running program holds an exclusive lock on the
/// `owner.lock` file inside, which is how a later run tells a live demo from the leftovers
/// of a dead one (a process id alone can be reused).
class DemoFolder {
public:
    /// Makes the folder under `parent`; throws std::runtime_error when it cannot.
    explicit DemoFolder(const QString& parent);
    ~DemoFolder();
    DemoFolder(const DemoFolder&) = delete;
    DemoFolder& operator=(const DemoFolder&) = delete;

    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] QString filePath(const QString& name) const;

    /// Removes, under `parent`, the demo folders of this user left by runs that are gone:
    /// nobody holds their lock and the process named in them no longer runs. Folders of
    /// live runs (and of other users) are left alone. Returns how many were removed.
    static int removeLeftovers(const QString& parent);

    /// The start of every demo folder's name.
    static inline const QString kPrefix = QStringLiteral("practice-ledger-demo-");
    /// The lock file inside.
    static inline const QString kLockName = QStringLiteral("owner.lock");

private:
    QString m_path;
    int m_lock = -1;
};
