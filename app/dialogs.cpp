#include "dialogs.h"

#include "widgets/inspectorsettings.h"
#include "widgets/lessonreader.h"

#include <QAbstractButton>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QUrl>
#include <QVBoxLayout>

namespace app {
namespace {

const QString kFolderKey = QStringLiteral("files/scenario_folder");

Answerer &answerer() {
    static Answerer a;
    return a;
}

ChoiceAnswerer &choice_answerer() {
    static ChoiceAnswerer c;
    return c;
}

LinkOpener &link_opener() {
    static LinkOpener o;
    return o;
}

FileChooser &chooser() {
    static FileChooser c;
    return c;
}

QString dialogs_tr(const char *text) {
    return QCoreApplication::translate("app::Dialogs", text);
}

QString scenario_filter() {
    return dialogs_tr("Failover Lab scenarios (*.json)");
}

} // namespace

bool ask_yes_no(QWidget *parent, const QString &title, const QString &text, const QString &question,
                const QString &details) {
    if (answerer())
        return answerer()(text);
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Yes | QMessageBox::No, parent);
    box.setInformativeText(question);
    box.setDefaultButton(QMessageBox::No);
    if (!details.isEmpty())
        box.setDetailedText(details);
    return box.exec() == QMessageBox::Yes;
}

namespace {

void show_box(QMessageBox::Icon icon, QWidget *parent, const QString &title, const QString &text,
              const QString &more, const QString &details) {
    if (answerer()) {
        answerer()(text + QLatin1Char('\n') + more +
                   (details.isEmpty() ? QString() : QLatin1Char('\n') + details));
        return;
    }
    QMessageBox box(icon, title, text, QMessageBox::Ok, parent);
    box.setInformativeText(more);
    if (!details.isEmpty())
        box.setDetailedText(details);
    box.exec();
}

// A box with one button per answer; the index of the one clicked, or `escape` when the box is
// closed without one.
int choose(QWidget *parent, QMessageBox::Icon icon, const QString &title, const QString &text,
           const QString &more, const QList<QPair<QString, QMessageBox::ButtonRole>> &answers,
           int default_answer, int escape) {
    if (choice_answerer()) {
        QStringList labels;
        for (const auto &a : answers)
            labels << a.first;
        const int picked = choice_answerer()(text + QLatin1Char('\n') + more, labels);
        return picked >= 0 && picked < static_cast<int>(answers.size()) ? picked : escape;
    }
    QMessageBox box(icon, title, text, QMessageBox::NoButton, parent);
    box.setInformativeText(more);
    QList<QAbstractButton *> buttons;
    for (const auto &[label, role] : answers)
        buttons << box.addButton(label, role);
    box.setDefaultButton(qobject_cast<QPushButton *>(buttons.value(default_answer)));
    box.setEscapeButton(buttons.value(escape));
    box.exec();
    const int picked = static_cast<int>(buttons.indexOf(box.clickedButton()));
    return picked < 0 ? escape : picked;
}

} // namespace

void tell(QWidget *parent, const QString &title, const QString &text, const QString &more,
          const QString &details) {
    show_box(QMessageBox::Information, parent, title, text, more, details);
}

void warn(QWidget *parent, const QString &title, const QString &text, const QString &more,
          const QString &details) {
    show_box(QMessageBox::Warning, parent, title, text, more, details);
}

SaveChoice ask_save_changes(QWidget *parent, const QString &text) {
    if (choice_answerer()) {
        const int picked = choose(parent, QMessageBox::Question, {}, text, {},
                                  {{dialogs_tr("Save"), QMessageBox::AcceptRole},
                                   {dialogs_tr("Discard"), QMessageBox::DestructiveRole},
                                   {dialogs_tr("Cancel"), QMessageBox::RejectRole}},
                                  0, 2);
        return picked == 0   ? SaveChoice::save
               : picked == 1 ? SaveChoice::discard
                             : SaveChoice::cancel;
    }
    // The standard buttons, with the platform's own words and order.
    const auto answer = QMessageBox::question(
        parent, dialogs_tr("Unsaved changes"), text,
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    return answer == QMessageBox::Save      ? SaveChoice::save
           : answer == QMessageBox::Discard ? SaveChoice::discard
                                            : SaveChoice::cancel;
}

RecoveryChoice ask_recovery(QWidget *parent, const QString &text, const QString &more) {
    const int picked =
        choose(parent, QMessageBox::Question, dialogs_tr("Recover unsaved changes?"), text, more,
               {{dialogs_tr("&Recover"), QMessageBox::AcceptRole},
                {dialogs_tr("&Discard"), QMessageBox::DestructiveRole},
                {dialogs_tr("&Later"), QMessageBox::RejectRole}},
               0, 2);
    return picked == 0   ? RecoveryChoice::recover
           : picked == 1 ? RecoveryChoice::discard
                         : RecoveryChoice::later;
}

bool confirm_and_open_link(QWidget *parent, const QUrl &url) {
    if (!widgets::is_web_address(url))
        return false;
    const QString address = url.toDisplayString();
    if (!ask_yes_no(parent, dialogs_tr("Open this link?"),
                    dialogs_tr("This link leaves Failover Lab for the web:\n%1").arg(address),
                    dialogs_tr("Open it in your web browser?")))
        return false;
    if (link_opener())
        link_opener()(url);
    else
        QDesktopServices::openUrl(url);
    return true;
}

void answer_choices_with(ChoiceAnswerer c) {
    choice_answerer() = std::move(c);
}

void open_links_with(LinkOpener opener) {
    link_opener() = std::move(opener);
}

void answer_questions_with(Answerer a) {
    answerer() = std::move(a);
}

std::optional<model::ScenarioSettings> ask_scenario_settings(QWidget *parent,
                                                             const model::ScenarioSettings &now) {
    QDialog dialog(parent);
    dialog.setObjectName(QStringLiteral("scenario_settings"));
    dialog.setWindowTitle(dialogs_tr("Scenario Settings"));
    auto *layout = new QVBoxLayout(&dialog);
    auto *form = new widgets::InspectorSettings(widgets::InspectorSettings::Commit::on_request);
    form->show_settings(now);
    layout->addWidget(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.resize(dialog.sizeHint().expandedTo(QSize(420, 0)));
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return form->settings();
}

QString scenario_folder() {
    const QString folder = QSettings().value(kFolderKey).toString();
    if (!folder.isEmpty() && QFileInfo(folder).isDir())
        return folder;
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QFileInfo(documents).isDir() ? documents : QDir::homePath();
}

void remember_scenario_folder(const QString &file) {
    if (!file.isEmpty())
        QSettings().setValue(kFolderKey, QFileInfo(file).absolutePath());
}

QString with_json_extension(const QString &path) {
    if (path.isEmpty() || !QFileInfo(path).suffix().isEmpty())
        return path;
    return path + QStringLiteral(".json");
}

QString choose_scenario_to_open(QWidget *parent) {
    const QString path = chooser()
                             ? chooser()(scenario_folder())
                             : QFileDialog::getOpenFileName(parent, dialogs_tr("Open Scenario"),
                                                            scenario_folder(), scenario_filter());
    remember_scenario_folder(path);
    return path;
}

QString file_name_for(const QString &scenario_name) {
    QString name;
    for (const QChar c : scenario_name.simplified())
        if (c.isLetterOrNumber() || c == QLatin1Char(' ') || c == QLatin1Char('-') ||
            c == QLatin1Char('_'))
            name += c;
    name = name.simplified();
    return (name.isEmpty() ? dialogs_tr("scenario") : name) + QStringLiteral(".json");
}

QString choose_scenario_to_save(QWidget *parent, const QString &current,
                                const QString &scenario_name) {
    const QString start = current.isEmpty()
                              ? QDir(scenario_folder()).filePath(file_name_for(scenario_name))
                              : current;
    QString chosen;
    if (chooser()) {
        chosen = chooser()(start);
    } else {
        QFileDialog dialog(parent, dialogs_tr("Save Scenario"), start, scenario_filter());
        dialog.setAcceptMode(QFileDialog::AcceptSave);
        dialog.setDefaultSuffix(QStringLiteral("json"));
        if (dialog.exec() == QDialog::Accepted)
            chosen = dialog.selectedFiles().value(0);
    }
    const QString path = with_json_extension(chosen);
    // A dialog that ignored the default suffix has not asked about the file named now.
    if (path != chosen && QFileInfo::exists(path) &&
        !ask_yes_no(parent, dialogs_tr("Replace the file?"),
                    dialogs_tr("%1 already exists.").arg(QDir::toNativeSeparators(path)),
                    dialogs_tr("Replace it with this scenario?")))
        return {};
    remember_scenario_folder(path);
    return path;
}

void choose_files_with(FileChooser c) {
    chooser() = std::move(c);
}

} // namespace app
