#pragma once

#include "common/recordform.h"
#include "common/specfields.h"

#include "assessors/trusted_assessor.h"

#include <QVariantList>

/// Adds or edits one trusted-assessor authorisation (rules/learning-record.md sections 7 and
/// 9): the person and level (its key), the equipment categories from the ledger's list, the
/// training, the observed assessments, the sign-off (who, from the people whose role may sign
/// off, and when), the refresher interval and the refreshers done, restrictions, and a
/// withdrawal. Its fields are the `trusted-assessors` import's columns; refreshers are typed
/// as DD/MM/YYYY dates separated by `;`. Every problem core finds is shown at its field.
class AssessorEditor : public RecordForm {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString personName READ personName NOTIFY personChanged)
    /// The ledger's equipment categories: {value: code, label}.
    Q_PROPERTY(QVariantList categoryChoices READ categoryChoices NOTIFY loaded)
    /// Who may sign off: "Not signed off yet" (""), then the people active today whose role
    /// may sign off trusted assessors, by name, the person being edited left out; a stored
    /// signer who no longer could is kept, said so.
    Q_PROPERTY(QVariantList signerChoices READ signerChoices NOTIFY personChanged)

public:
    explicit AssessorEditor(QObject* parent = nullptr);

    [[nodiscard]] QString personName() const;
    [[nodiscard]] QVariantList categoryChoices() const;
    [[nodiscard]] QVariantList signerChoices() const;

    /// Whether the categories field holds `code`.
    Q_INVOKABLE bool hasCategory(const QString& code) const;
    /// Adds `code` to the categories field, or takes it out (kept in byte order, as stored).
    Q_INVOKABLE void toggleCategory(const QString& code);

signals:
    void personChanged();

protected:
    void clear() override;
    bool read(const QString& key) override;
    Work prepare() override;
    [[nodiscard]] QString nameOfRecord() const override;

private:
    /// The refreshers field as typed (DD/MM/YYYY; ...) in the spec's form (ISO; ...), items
    /// that are not dates left as typed for the spec to name.
    [[nodiscard]] static QString refreshersAsIso(const QString& typed);

    SpecFields<ledger::TrustedAssessor> m_fields;
    ledger::RecordId m_id = 0;
};
