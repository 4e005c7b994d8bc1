#include "lessonreader.h"

#include <QDoubleSpinBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QTextBrowser>
#include <QTextDocument>
#include <QUrl>
#include <QVBoxLayout>

namespace widgets {

namespace {

// A text browser that never fetches anything, from the web or from disk: lessons are
// self-contained. Both levels refuse: QTextDocument reads local files itself when its browser
// gives it nothing.
class LocalDocument : public QTextDocument {
public:
    using QTextDocument::QTextDocument;

protected:
    QVariant loadResource(int, const QUrl &) override { return {}; }
};

class LocalBrowser : public QTextBrowser {
public:
    explicit LocalBrowser(QWidget *parent) : QTextBrowser(parent) {
        setDocument(new LocalDocument(this));
    }
    QVariant loadResource(int, const QUrl &) override { return {}; }
};

// Lesson text: GitHub Markdown with every HTML tag shown as text, never interpreted.
void set_lesson_text(QTextBrowser *browser, const QString &markdown) {
    browser->document()->setMarkdown(
        markdown, QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub |
                                                  QTextDocument::MarkdownNoHTML));
}

} // namespace

bool is_web_address(const QUrl &url) {
    const QString scheme = url.scheme().toLower();
    return url.isValid() && (scheme == QLatin1String("http") || scheme == QLatin1String("https")) &&
           !url.host().isEmpty();
}

LessonReader::LessonReader(QWidget *parent) : QWidget(parent) {
    // One column, so the reader fits a dock beside the map: chapters on top, the chapter's
    // text in the middle, its buttons and try-this steps underneath.
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setChildrenCollapsible(false);
    auto *top = new QWidget(split);
    auto *top_layout = new QVBoxLayout(top);
    top_layout->setContentsMargins(0, 0, 0, 0);
    course_progress_ = new QLabel(top);
    course_progress_->setToolTip(tr("Chapters completed under each chapter's own rule"));
    search_ = new QLineEdit(top);
    search_->setPlaceholderText(tr("Search the lessons"));
    search_->setToolTip(tr("Show only chapters that mention every word you type"));
    search_->setClearButtonEnabled(true);
    list_ = new QListWidget(top);
    list_->setToolTip(tr("The chapters of the course; a check mark means completed"));
    list_->setMinimumHeight(90);
    top_layout->addWidget(course_progress_);
    top_layout->addWidget(search_);
    top_layout->addWidget(list_);

    auto *middle = new QWidget(split);
    auto *middle_layout = new QVBoxLayout(middle);
    middle_layout->setContentsMargins(0, 0, 0, 0);
    title_ = new QLabel(middle);
    QFont big = title_->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    title_->setFont(big);
    title_->setWordWrap(true);
    body_ = new LocalBrowser(middle);
    body_->setOpenLinks(false);
    body_->setOpenExternalLinks(false);
    connect(body_, &QTextBrowser::anchorClicked, this, &LessonReader::activate_link);
    body_->setToolTip(tr("The chapter's text"));
    middle_layout->addWidget(title_);
    middle_layout->addWidget(body_);
    title_->setText(tr("Multi-Region Architectures"));
    set_lesson_text(body_,
                    tr("Choose a chapter from the list above. Each one opens a scenario on the "
                       "map, explains what it shows, and gives you steps to try."));

    auto *scroll = new QScrollArea(split);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    steps_ = new QWidget(scroll);
    steps_layout_ = new QVBoxLayout(steps_);
    scroll->setWidget(steps_);
    scroll->setMinimumHeight(120);
    split->addWidget(top);
    split->addWidget(middle);
    split->addWidget(scroll);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 4);
    split->setStretchFactor(2, 2);
    split->setSizes({150, 420, 240});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);

    connect(search_, &QLineEdit::textChanged, this, &LessonReader::search);
    connect(list_, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        show_lesson(list_->item(row)->data(Qt::UserRole).toInt());
    });
}

void LessonReader::set_lessons(std::vector<model::Lesson> lessons) {
    course_ = model::Course(std::move(lessons));
    current_ = -1;
    rebuild_list();
}

void LessonReader::set_progress(const model::Progress &progress) {
    progress_ = progress;
    rebuild_list();
}

QString LessonReader::course_progress_text() const {
    return course_progress_->text();
}

void LessonReader::rebuild_list() {
    const QSignalBlocker block(list_);
    const int keep = current_;
    list_->clear();
    const auto &chapters = course_.chapters();
    for (std::size_t i = 0; i < chapters.size(); ++i) {
        const model::Lesson &l = chapters[i];
        const model::ChapterState state = model::chapter_state(l, progress_.chapter(l.id));
        const bool done = state == model::ChapterState::complete;
        auto *item =
            new QListWidgetItem((done ? QStringLiteral("\u2713 ") : QStringLiteral("\u2003 ")) +
                                QString::fromStdString(l.title));
        item->setData(Qt::UserRole, static_cast<int>(i));
        item->setToolTip(done                                    ? tr("Completed")
                         : state == model::ChapterState::started ? tr("Started, steps left to try")
                                                                 : tr("Not started"));
        list_->addItem(item);
        if (static_cast<int>(i) == keep)
            list_->setCurrentItem(item);
    }
    const model::CourseProgress course = model::course_progress(course_, progress_);
    course_progress_->setText(
        tr("%1 of %n chapter(s) complete", nullptr, course.chapters).arg(course.complete));
    course_progress_->setVisible(course.chapters > 0);
    search(search_->text());
}

void LessonReader::search(const QString &query) {
    const QStringList words = query.split(' ', Qt::SkipEmptyParts);
    for (int row = 0; row < list_->count(); ++row) {
        const model::Lesson &l =
            course_
                .chapters()[static_cast<std::size_t>(list_->item(row)->data(Qt::UserRole).toInt())];
        const QString text = QString::fromStdString(l.title + "\n" + l.body);
        bool match = true;
        for (const QString &w : words)
            match = match && text.contains(w, Qt::CaseInsensitive);
        list_->item(row)->setHidden(!match);
    }
}

int LessonReader::visible_chapters() const {
    int n = 0;
    for (int row = 0; row < list_->count(); ++row)
        n += !list_->item(row)->isHidden();
    return n;
}

QString LessonReader::chapter_markdown(const model::Lesson &l) const {
    QString md = QString::fromStdString(l.body);
    if (!l.takeaways.empty()) {
        md += QStringLiteral("\n\n## ") + tr("Key takeaways") + "\n\n";
        for (const auto &t : l.takeaways)
            md += "- " + QString::fromStdString(t) + "\n";
    }
    if (!l.how_it_comes_up.empty()) {
        md += QStringLiteral("\n## ") + tr("In the interview") + "\n\n" +
              QString::fromStdString(l.how_it_comes_up) + "\n";
        const auto list = [&](const QString &heading, const std::vector<std::string> &items) {
            if (items.empty())
                return;
            md += "\n**" + heading + "**\n\n";
            for (const auto &i : items)
                md += "- " + QString::fromStdString(i) + "\n";
        };
        list(tr("Strong answers"), l.strong_answer);
        list(tr("Red flags"), l.red_flags);
        list(tr("Questions to ask back"), l.questions_to_ask);
    }
    if (!l.glossary.empty()) {
        md += QStringLiteral("\n## ") + tr("Glossary") + "\n\n";
        for (const auto &[term, def] : l.glossary)
            md +=
                "- **" + QString::fromStdString(term) + "**: " + QString::fromStdString(def) + "\n";
    }
    return md;
}

void LessonReader::show_lesson(int index) {
    if (index < 0 || index >= static_cast<int>(course_.size()))
        return;
    current_ = index;
    const model::Lesson &l = course_.chapters()[static_cast<std::size_t>(index)];
    title_->setText(QString::fromStdString(l.title));
    set_lesson_text(body_, chapter_markdown(l));
    // Rebuild the action area: open, try this, walkthroughs.
    while (QLayoutItem *item = steps_layout_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    results_.clear();
    guesses_.clear();
    auto *open = new QPushButton(tr("Open on the &map"), steps_);
    open->setToolTip(tr("Load this chapter's scenario into the workspace"));
    connect(open, &QPushButton::clicked, this, [this, index] {
        emit open_scenario(
            index, QString::fromStdString(
                       course_.chapters()[static_cast<std::size_t>(index)].scenarios.front()));
    });
    steps_layout_->addWidget(open);
    const model::ChapterProgress &done_here = progress_.chapter(l.id);
    auto *quiz =
        new QPushButton(done_here.quiz.empty() ? tr("&Test yourself")
                                               : tr("&Test yourself (%1 answered, %2 right)")
                                                     .arg(done_here.quiz_answered())
                                                     .arg(done_here.quiz_right()),
                        steps_);
    quiz->setToolTip(tr("This chapter's questions, graded by the model"));
    connect(quiz, &QPushButton::clicked, this, [this, index] { emit test_yourself(index); });
    steps_layout_->addWidget(quiz);
    for (const model::WorkedExample example : l.worked_examples)
        add_worked_example(example);
    if (!l.try_this.empty()) {
        auto *heading = new QLabel(QStringLiteral("<b>%1</b>").arg(tr("Try this")), steps_);
        steps_layout_->addWidget(heading);
    }
    for (std::size_t i = 0; i < l.try_this.size(); ++i) {
        const model::TryThis &t = l.try_this[i];
        auto *row = new QFrame(steps_);
        row->setFrameShape(QFrame::StyledPanel);
        auto *v = new QVBoxLayout(row);
        auto *text = new QLabel(tr("%1. %2").arg(i + 1).arg(QString::fromStdString(t.text)), row);
        text->setWordWrap(true);
        auto *run = new QPushButton(tr("Run it"), row);
        run->setToolTip(tr("Apply this step and let the model check what it predicts"));
        auto *show = new QPushButton(tr("Show what happened"), row);
        show->setToolTip(tr("Open the changed scenario on the map and play it"));
        auto *result = new QLabel(row);
        result->setWordWrap(true);
        result->setTextInteractionFlags(Qt::TextSelectableByMouse);
        const bool done = progress_.chapter(l.id).tried(t.id);
        result->setText(done ? tr("\u2713 done before") : QString());
        auto *buttons = new QHBoxLayout;
        buttons->addWidget(run);
        buttons->addWidget(show);
        if (t.compare) {
            auto *compare = new QPushButton(tr("Compare side by side"), row);
            compare->setToolTip(
                tr("A: %1 beside B: %2, on two maps with one playhead")
                    .arg(t.compare->a.empty() ? tr("the scenario")
                                              : QString::fromStdString(t.compare->a),
                         t.compare->b.empty() ? tr("the changed copy")
                                              : QString::fromStdString(t.compare->b)));
            const int compared = static_cast<int>(i);
            connect(compare, &QPushButton::clicked, this,
                    [this, index, compared] { emit compare_step(index, compared); });
            buttons->addWidget(compare);
        }
        buttons->addStretch(1);
        v->addWidget(text);
        QDoubleSpinBox *guess = nullptr;
        if (t.predict) {
            // Predict first: the run shows the model's figure, and what the guess left out.
            auto *ask = new QHBoxLayout;
            auto *question = new QLabel(
                tr("Predict first: %1").arg(QString::fromStdString(t.predict->question)), row);
            question->setWordWrap(true);
            guess = new QDoubleSpinBox(row);
            guess->setRange(0, 1e9);
            guess->setDecimals(1);
            guess->setSuffix(t.predict->unit.empty()
                                 ? QString()
                                 : QLatin1Char(' ') + QString::fromStdString(t.predict->unit));
            guess->setAccessibleName(tr("Your prediction"));
            question->setBuddy(guess);
            ask->addWidget(question, 1);
            ask->addWidget(guess);
            v->addLayout(ask);
            run->setText(tr("Commit prediction and run"));
            const auto &predicted = progress_.chapter(l.id).predictions;
            if (const auto it = predicted.find(t.id); it != predicted.end()) {
                guess->setEnabled(false);
                guess->setToolTip(it->second ? tr("Predicted right before")
                                             : tr("Predicted wrong before"));
            }
        }
        guesses_.push_back(guess);
        v->addLayout(buttons);
        v->addWidget(result);
        const int step = static_cast<int>(i);
        connect(run, &QPushButton::clicked, this,
                [this, index, step] { emit try_this(index, step); });
        connect(show, &QPushButton::clicked, this,
                [this, index, step] { emit show_what_happened(index, step); });
        steps_layout_->addWidget(row);
        results_.push_back(result);
    }
    for (std::size_t w = 0; w < l.walkthroughs.size(); ++w) {
        auto *b = new QPushButton(
            tr("Present walkthrough: %1").arg(QString::fromStdString(l.walkthroughs[w].title)),
            steps_);
        b->setToolTip(tr("Full screen, for a projector and a clicker (F5)"));
        const int walk = static_cast<int>(w);
        connect(b, &QPushButton::clicked, this,
                [this, index, walk] { emit start_walkthrough(index, walk); });
        steps_layout_->addWidget(b);
    }
    steps_layout_->addStretch(1);
    // A new chapter starts at the top of its buttons and steps.
    if (auto *area = qobject_cast<QScrollArea *>(steps_->parentWidget()->parentWidget()))
        area->verticalScrollBar()->setValue(0);
    emit lesson_read(index);
}

void LessonReader::activate_link(const QUrl &url) {
    if (url.isRelative() && url.path().isEmpty() && url.hasFragment()) {
        body_->scrollToAnchor(url.fragment());
        return;
    }
    if (is_web_address(url))
        emit link_requested(url);
    else
        emit link_refused(url);
}

void LessonReader::add_worked_example(model::WorkedExample example) {
    QPushButton *button = nullptr;
    switch (example) {
    case model::WorkedExample::rto:
        button = new QPushButton(tr("Worked example: RTO from TTL and health checks"), steps_);
        button->setToolTip(tr("Sliders for interval, threshold and TTL; the model recomputes"));
        break;
    case model::WorkedExample::break_even:
        button = new QPushButton(tr("Worked example: break-even of the patterns"), steps_);
        button->setToolTip(tr("Sliders for revenue, cost and outages; the model recomputes"));
        break;
    }
    if (!button)
        return;
    connect(button, &QPushButton::clicked, this,
            [this, example] { emit open_worked_example(example); });
    steps_layout_->addWidget(button);
}

void LessonReader::show_try_result(int lesson, int step, bool held, const QString &detail) {
    if (lesson != current_ || step < 0 || step >= static_cast<int>(results_.size()))
        return;
    // The caller marks the model's check inside `detail`; a failed step says so up front.
    results_[static_cast<std::size_t>(step)]->setText(
        held ? detail : tr("\u2717 Not as the chapter predicts. %1").arg(detail));
}

std::optional<double> LessonReader::prediction(int step) const {
    if (step < 0 || step >= static_cast<int>(guesses_.size()))
        return std::nullopt;
    const QDoubleSpinBox *g = guesses_[static_cast<std::size_t>(step)];
    if (!g)
        return std::nullopt;
    return g->value();
}

void LessonReader::set_prediction(int step, double value) {
    if (step >= 0 && step < static_cast<int>(guesses_.size()) &&
        guesses_[static_cast<std::size_t>(step)])
        guesses_[static_cast<std::size_t>(step)]->setValue(value);
}

} // namespace widgets
