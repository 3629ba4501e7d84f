#pragma once

#include "common/recordform.h"
#include "common/specfields.h"

#include "training/training.h"

/// Records a completion, or corrects or voids a recorded one. A completion is evidence: a
/// correction needs a reason (kept in the change log with the old values), and it is voided
/// with a reason rather than deleted.
class CompletionEditor : public RecordForm {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString personName READ personName NOTIFY personNameChanged)
    Q_PROPERTY(bool voided READ voided NOTIFY loaded)
    Q_PROPERTY(QString voidReason READ voidReason NOTIFY loaded)

public:
    explicit CompletionEditor(QObject* parent = nullptr);

    [[nodiscard]] QString personName() const;
    [[nodiscard]] bool voided() const { return m_voided; }
    [[nodiscard]] QString voidReason() const { return m_voidReason; }

    /// Voids the loaded completion with the reason in the `reason` field.
    Q_INVOKABLE bool voidCompletion();

signals:
    void personNameChanged();

protected:
    void clear() override;
    bool read(const QString& key) override;
    Work prepare() override;
    [[nodiscard]] QString nameOfRecord() const override;

private:
    SpecFields<ledger::Completion> m_fields;
    EditorField* m_reason;
    bool m_voided = false;
    QString m_voidReason;
};
