<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- English translation of the cwgdraft interface, which is written in Arabic.
     One context, "cwgdraft" (cwgdraft.gui.i18n.t and N_). The .qm is built from this file by pyside6-lrelease
     at run and test time (cwgdraft.gui.i18n.compiled_qm), never committed; tests/gui/test_i18n.py checks
     that every interface string has a translation here. -->
<TS version="2.1" language="en" sourcelanguage="ar">
<context>
    <name>cwgdraft</name>
    <message>
        <source>خطأ</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>قبل التصدير: حقول مطلوبة فارغة</source>
        <translation>Before export: required fields are empty</translation>
    </message>
    <message>
        <source>تصدير على أي حال</source>
        <translation>Export anyway</translation>
    </message>
    <message>
        <source>تقرير جديد من التقرير السابق</source>
        <translation>New report from the previous one</translation>
    </message>
    <message>
        <source>هذه الحقول مطلوبة وما زالت فارغة أو غير صحيحة. ستظهر في الملف بين معقوفين.</source>
        <translation>These fields are required and still empty or invalid. They will appear in the file in brackets.</translation>
    </message>
    <message>
        <source>انتقل إليه</source>
        <translation>Go to it</translation>
    </message>
    <message>
        <source>إغلاق هذه النافذة والانتقال إلى الحقل</source>
        <translation>Close this window and go to the field</translation>
    </message>
    <message>
        <source>نُقل من التقرير السابق:</source>
        <translation>Carried over from the previous report:</translation>
    </message>
    <message>
        <source>يجب ملؤه لهذا الاجتماع (انقر مرتين للانتقال إليه):</source>
        <translation>To fill in for this meeting (double-click to go to it):</translation>
    </message>
    <message>
        <source>حدث خطأ غير متوقع</source>
        <translation>An unexpected error occurred</translation>
    </message>
    <message>
        <source>رأس الوثيقة</source>
        <translation>Document header</translation>
    </message>
    <message>
        <source>رمز الوثيقة</source>
        <translation>Document symbol</translation>
    </message>
    <message>
        <source>تاريخ الوثيقة</source>
        <translation>Document date</translation>
    </message>
    <message>
        <source>دورة المجلس</source>
        <translation>Council session</translation>
    </message>
    <message>
        <source>المجلس 2022</source>
        <translation>المجلس 2022 (in Arabic)</translation>
    </message>
    <message>
        <source>مكان الدورة</source>
        <translation>Session place</translation>
    </message>
    <message>
        <source>جنيف</source>
        <translation>جنيف (in Arabic)</translation>
    </message>
    <message>
        <source>بداية الدورة</source>
        <translation>Session start</translation>
    </message>
    <message>
        <source>نهاية الدورة</source>
        <translation>Session end</translation>
    </message>
    <message>
        <source>بند جدول الأعمال</source>
        <translation>Agenda item</translation>
    </message>
    <message>
        <source>لغة الأصل</source>
        <translation>Original language</translation>
    </message>
    <message>
        <source>رمز اللغة: en أو ar أو fr</source>
        <translation>Language code: en, ar or fr</translation>
    </message>
    <message>
        <source>طريقة ترقيم الفقرات في التقرير</source>
        <translation>How the report numbers its paragraphs</translation>
    </message>
    <message>
        <source>الفقرة ثم القسم (1.2، كما في 2022)</source>
        <translation>Paragraph then section (1.2, as in 2022)</translation>
    </message>
    <message>
        <source>القسم ثم الفقرة (2.1، كما في 2016)</source>
        <translation>Section then paragraph (2.1, as in 2016)</translation>
    </message>
    <message>
        <source>ترقيم الفقرات</source>
        <translation>Paragraph numbering</translation>
    </message>
    <message>
        <source>العنوان والملخص</source>
        <translation>Title and summary</translation>
    </message>
    <message>
        <source>العنوان</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>الموضوع</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>يُكتب تلقائياً من أرقام الاجتماعات إن تُرك فارغاً</source>
        <translation>Written from the meeting numbers when left empty</translation>
    </message>
    <message>
        <source>الملخص</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>الإجراء المطلوب</source>
        <translation>Action required</translation>
    </message>
    <message>
        <source>المراجع</source>
        <translation>References</translation>
    </message>
    <message>
        <source>مرجع في كل سطر</source>
        <translation>One reference per line</translation>
    </message>
    <message>
        <source>فريق العمل</source>
        <translation>Working group</translation>
    </message>
    <message>
        <source>اسم الفريق</source>
        <translation>Group name</translation>
    </message>
    <message>
        <source>الاسم المختصر</source>
        <translation>Acronym</translation>
    </message>
    <message>
        <source>مراجع الولاية</source>
        <translation>Mandate references</translation>
    </message>
    <message>
        <source>حضورياً</source>
        <translation>In person</translation>
    </message>
    <message>
        <source>عبر الإنترنت</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>مختلط (حضورياً وعبر الإنترنت)</source>
        <translation>Hybrid (in person and online)</translation>
    </message>
    <message>
        <source>بلا تاريخ</source>
        <translation>no date</translation>
    </message>
    <message>
        <source>الاجتماع</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>الاجتماعات</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>الاجتماعات التي يغطيها التقرير</source>
        <translation>The meetings this report covers</translation>
    </message>
    <message>
        <source>إضافة اجتماع</source>
        <translation>Add meeting</translation>
    </message>
    <message>
        <source>إضافة اجتماع يغطيه التقرير</source>
        <translation>Add a meeting covered by the report</translation>
    </message>
    <message>
        <source>حذف الاجتماع</source>
        <translation>Delete meeting</translation>
    </message>
    <message>
        <source>حذف الاجتماع المحدد</source>
        <translation>Delete the selected meeting</translation>
    </message>
    <message>
        <source>رقم الاجتماع، من 1 إلى 99</source>
        <translation>Meeting number, 1 to 99</translation>
    </message>
    <message>
        <source>رقم الاجتماع</source>
        <translation>Meeting number</translation>
    </message>
    <message>
        <source>تاريخ الاجتماع (البداية)</source>
        <translation>Meeting date (start)</translation>
    </message>
    <message>
        <source>النهاية (لاجتماع يمتد أياماً)</source>
        <translation>End (for a meeting over several days)</translation>
    </message>
    <message>
        <source>كيف عُقد الاجتماع</source>
        <translation>How the meeting was held</translation>
    </message>
    <message>
        <source>طريقة الانعقاد</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>المكان</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>مقر الاتحاد في جنيف</source>
        <translation>مقر الاتحاد في جنيف (in Arabic)</translation>
    </message>
    <message>
        <source>المنصة</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>عدد المشاركين (اتركه — إن لم يُعرف)</source>
        <translation>Number of participants (leave — if unknown)</translation>
    </message>
    <message>
        <source>عدد المشاركين</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>رقم الاجتماع يجب أن يكون من 1 إلى 99؛ لم يُحفظ هذا الرقم</source>
        <translation>The meeting number must be from 1 to 99; this number was not saved</translation>
    </message>
    <message>
        <source>فقرة مرقمة</source>
        <translation>Numbered paragraph</translation>
    </message>
    <message>
        <source>فقرة بلا رقم</source>
        <translation>Unnumbered paragraph</translation>
    </message>
    <message>
        <source>نقطة</source>
        <translation>Bullet</translation>
    </message>
    <message>
        <source>نقطة فرعية ○</source>
        <translation>Sub-bullet ○</translation>
    </message>
    <message>
        <source>بند بحرف (أ، ب، ج)</source>
        <translation>Lettered item (أ, ب, ج)</translation>
    </message>
    <message>
        <source>نقطة تحت بند بحرف</source>
        <translation>Bullet under a lettered item</translation>
    </message>
    <message>
        <source>مقدمة</source>
        <translation>Introduction</translation>
    </message>
    <message>
        <source>الملاحظات الافتتاحية</source>
        <translation>Opening remarks</translation>
    </message>
    <message>
        <source>اعتماد جدول الأعمال</source>
        <translation>Adoption of the agenda</translation>
    </message>
    <message>
        <source>المساهمات</source>
        <translation>Contributions</translation>
    </message>
    <message>
        <source>العروض</source>
        <translation>Presentations</translation>
    </message>
    <message>
        <source>المناقشات</source>
        <translation>Discussions</translation>
    </message>
    <message>
        <source>ما يستجد من أعمال</source>
        <translation>Any other business</translation>
    </message>
    <message>
        <source>النتائج</source>
        <translation>Outcomes</translation>
    </message>
    <message>
        <source>قسم آخر</source>
        <translation>Other section</translation>
    </message>
    <message>
        <source>القسم</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>عنوان القسم</source>
        <translation>Section title</translation>
    </message>
    <message>
        <source>وظيفة القسم في التقرير</source>
        <translation>What the section is for in the report</translation>
    </message>
    <message>
        <source>وظيفة القسم</source>
        <translation>Section role</translation>
    </message>
    <message>
        <source>قسم جديد</source>
        <translation>New section</translation>
    </message>
    <message>
        <source>إضافة قسم بعد هذا القسم</source>
        <translation>Add a section after this one</translation>
    </message>
    <message>
        <source>حذف القسم</source>
        <translation>Delete section</translation>
    </message>
    <message>
        <source>حذف هذا القسم وفقراته</source>
        <translation>Delete this section and its paragraphs</translation>
    </message>
    <message>
        <source>القسم إلى الأعلى</source>
        <translation>Section up</translation>
    </message>
    <message>
        <source>القسم إلى الأسفل</source>
        <translation>Section down</translation>
    </message>
    <message>
        <source>فقرات القسم بترتيبها وأرقامها في التقرير</source>
        <translation>The section's paragraphs, in order, with their numbers in the report</translation>
    </message>
    <message>
        <source>فقرة جديدة</source>
        <translation>New paragraph</translation>
    </message>
    <message>
        <source>إضافة فقرة بعد الفقرة المحددة</source>
        <translation>Add a paragraph after the selected one</translation>
    </message>
    <message>
        <source>حذف</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>حذف الفقرة المحددة</source>
        <translation>Delete the selected paragraph</translation>
    </message>
    <message>
        <source>نقل الفقرة إلى الأعلى</source>
        <translation>Move the paragraph up</translation>
    </message>
    <message>
        <source>نقل الفقرة إلى الأسفل</source>
        <translation>Move the paragraph down</translation>
    </message>
    <message>
        <source>إزاحة للداخل</source>
        <translation>Indent</translation>
    </message>
    <message>
        <source>جعل الفقرة نقطة تحت ما قبلها (نقطة ← ○، بند بحرف ← نقطة تحته)</source>
        <translation>Make the paragraph an item under the one before (bullet → ○, lettered item → bullet under it)</translation>
    </message>
    <message>
        <source>إزاحة للخارج</source>
        <translation>Outdent</translation>
    </message>
    <message>
        <source>إرجاع النقطة مستوى واحداً</source>
        <translation>Move the item back one level</translation>
    </message>
    <message>
        <source>نوع الفقرة: يحدد رقمها أو حرفها أو نقطتها</source>
        <translation>Paragraph kind: decides its number, letter or bullet</translation>
    </message>
    <message>
        <source>رقم الفقرة أو حرفها كما سيظهر في التقرير</source>
        <translation>The paragraph's number or letter as it will appear in the report</translation>
    </message>
    <message>
        <source>اكتب نص الفقرة هنا</source>
        <translation>Type the paragraph here</translation>
    </message>
    <message>
        <source>حذف الفقرة</source>
        <translation>Delete paragraph</translation>
    </message>
    <message>
        <source>نقل الفقرة</source>
        <translation>Move paragraph</translation>
    </message>
    <message>
        <source>نص الفقرة</source>
        <translation>Paragraph text</translation>
    </message>
    <message>
        <source>كتابة</source>
        <translation>Typing</translation>
    </message>
    <message>
        <source>نوع الفقرة</source>
        <translation>Paragraph kind</translation>
    </message>
    <message>
        <source>نقل القسم</source>
        <translation>Move section</translation>
    </message>
    <message>
        <source>التوقيع</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>اللقب</source>
        <translation>Honorific</translation>
    </message>
    <message>
        <source>السيد، الدكتور</source>
        <translation>السيد، الدكتور (in Arabic)</translation>
    </message>
    <message>
        <source>الاسم</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>البلد</source>
        <translation>Country</translation>
    </message>
    <message>
        <source>الصفة</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>يمكن كتابتها على سطرين</source>
        <translation>May be written over two lines</translation>
    </message>
    <message>
        <source>إضافة مساهمة</source>
        <translation>Add contribution</translation>
    </message>
    <message>
        <source>حذف المساهمة</source>
        <translation>Delete contribution</translation>
    </message>
    <message>
        <source>إضافة شخص</source>
        <translation>Add person</translation>
    </message>
    <message>
        <source>حذف الشخص</source>
        <translation>Delete person</translation>
    </message>
    <message>
        <source>دولة عضو</source>
        <translation>Member State</translation>
    </message>
    <message>
        <source>عضو قطاع</source>
        <translation>Sector Member</translation>
    </message>
    <message>
        <source>شريك</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>الأمانة</source>
        <translation>Secretariat</translation>
    </message>
    <message>
        <source>وثيقة معلومات</source>
        <translation>Information document</translation>
    </message>
    <message>
        <source>أخرى</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>الرئيس</source>
        <translation>Chair</translation>
    </message>
    <message>
        <source>متحدث في الافتتاح</source>
        <translation>Opening speaker</translation>
    </message>
    <message>
        <source>مقدّم عرض</source>
        <translation>Presenter</translation>
    </message>
    <message>
        <source>آخر</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>إلى الأعلى</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>إلى الأسفل</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>إضافة صف جديد بعد الصف المحدد</source>
        <translation>Add a new row after the selected one</translation>
    </message>
    <message>
        <source>حذف الصف المحدد</source>
        <translation>Delete the selected row</translation>
    </message>
    <message>
        <source>نقل الصف المحدد إلى الأعلى</source>
        <translation>Move the selected row up</translation>
    </message>
    <message>
        <source>نقل الصف المحدد إلى الأسفل</source>
        <translation>Move the selected row down</translation>
    </message>
    <message>
        <source>رقم الوثيقة</source>
        <translation>Document number</translation>
    </message>
    <message>
        <source>الفئة</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>المصدر</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>المقدِّم</source>
        <translation>Presenter</translation>
    </message>
    <message>
        <source>الفقرة التي تعرضها</source>
        <translation>Paragraph presenting it</translation>
    </message>
    <message>
        <source>المساهمات ووثائق المعلومات المقدمة إلى الاجتماع</source>
        <translation>Contributions and information documents submitted to the meeting</translation>
    </message>
    <message>
        <source>البلد أو الجهة</source>
        <translation>Country or organization</translation>
    </message>
    <message>
        <source>الدور</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>الأشخاص</source>
        <translation>People</translation>
    </message>
    <message>
        <source>الرئيس والمتحدثون ومقدّمو العروض</source>
        <translation>The chair, speakers and presenters</translation>
    </message>
    <message>
        <source>نقل</source>
        <translation>Move</translation>
    </message>
    <message>
        <source>تقرير جديد من هذا التقرير…</source>
        <translation>New report from this one…</translation>
    </message>
    <message>
        <source>إنشاء تقرير الاجتماع التالي: يُنقل الهيكل والمراجع والفريق والتوقيع، ويُترك الجديد فارغاً</source>
        <translation>Create the next meeting's report: structure, references, group and signature are carried over, the rest is left empty</translation>
    </message>
    <message>
        <source>استيراد…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>استيراد تقرير من ملف Word</source>
        <translation>Import a report from a Word file</translation>
    </message>
    <message>
        <source>تصدير إلى Word…</source>
        <translation>Export to Word…</translation>
    </message>
    <message>
        <source>تصدير التقرير ملفاً بصيغة Word</source>
        <translation>Export the report as a Word file</translation>
    </message>
    <message>
        <source>تصدير إلى PDF…</source>
        <translation>Export to PDF…</translation>
    </message>
    <message>
        <source>تصدير التقرير ملف PDF عبر LibreOffice</source>
        <translation>Export the report as a PDF through LibreOffice</translation>
    </message>
    <message>
        <source>فتح مخزن…</source>
        <translation>Open store…</translation>
    </message>
    <message>
        <source>فتح ملف مخزن تقارير آخر</source>
        <translation>Open another report store file</translation>
    </message>
    <message>
        <source>خروج</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>تراجع</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>التراجع عن آخر تعديل</source>
        <translation>Undo the last edit</translation>
    </message>
    <message>
        <source>إعادة</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>إعادة التعديل</source>
        <translation>Redo the edit</translation>
    </message>
    <message>
        <source>إضافة فقرة بعد الفقرة الحالية</source>
        <translation>Add a paragraph after the current one</translation>
    </message>
    <message>
        <source>نقل إلى الأعلى</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>نقل الفقرة أو الصف إلى الأعلى</source>
        <translation>Move the paragraph or row up</translation>
    </message>
    <message>
        <source>نقل إلى الأسفل</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>نقل الفقرة أو الصف إلى الأسفل</source>
        <translation>Move the paragraph or row down</translation>
    </message>
    <message>
        <source>بحث</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>البحث في قائمة التقارير</source>
        <translation>Search the list of reports</translation>
    </message>
    <message>
        <source>المعاينة</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>إظهار المعاينة أو إخفاؤها</source>
        <translation>Show or hide the preview</translation>
    </message>
    <message>
        <source>حول cwgdraft</source>
        <translation>About cwgdraft</translation>
    </message>
    <message>
        <source>ملف</source>
        <translation>File</translation>
    </message>
    <message>
        <source>المخازن الأخيرة</source>
        <translation>Recent stores</translation>
    </message>
    <message>
        <source>تحرير</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>عرض</source>
        <translation>View</translation>
    </message>
    <message>
        <source>الإعدادات</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>لغة الواجهة</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>مساعدة</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>الأدوات</source>
        <translation>Tools</translation>
    </message>
    <message>
        <source>تصدير إلى Word</source>
        <translation>Export to Word</translation>
    </message>
    <message>
        <source>مستند Word (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <source>إلغاء</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>تصدير إلى PDF</source>
        <translation>Export to PDF</translation>
    </message>
    <message>
        <source>فتح مخزن</source>
        <translation>Open store</translation>
    </message>
    <message>
        <source>محفوظ</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>جارٍ الحفظ…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>تم التصدير</source>
        <translation>Exported</translation>
    </message>
    <message>
        <source>تعذر التحويل إلى PDF</source>
        <translation>Could not convert to PDF</translation>
    </message>
    <message>
        <source>الاستيراد غير متاح في هذه النسخة</source>
        <translation>Import is not available in this version</translation>
    </message>
    <message>
        <source>تعذرت قراءة قائمة التقارير</source>
        <translation>Could not read the list of reports</translation>
    </message>
    <message>
        <source>تعذر فتح التقرير</source>
        <translation>Could not open the report</translation>
    </message>
    <message>
        <source>لم يُحفظ التعديل الأخير</source>
        <translation>The last edit was not saved</translation>
    </message>
    <message>
        <source>تعذر إنشاء التقرير الجديد</source>
        <translation>Could not create the new report</translation>
    </message>
    <message>
        <source>الاستيراد غير متاح</source>
        <translation>Import is not available</translation>
    </message>
    <message>
        <source>تعذر التصدير إلى Word</source>
        <translation>Could not export to Word</translation>
    </message>
    <message>
        <source>صُدّر التقرير إلى %1</source>
        <translation>Report exported to %1</translation>
    </message>
    <message>
        <source>برنامج cwgdraft، الإصدار %1

يصوغ تقرير رئيس فريق عمل تابع للمجلس بالعربية، من اليمين إلى اليسار، ويصدّره ملفاً بصيغة Word.</source>
        <translation>cwgdraft, version %1

Drafts the chair's report of a Council working group in Arabic, right to left, and exports it as a Word file.</translation>
    </message>
    <message>
        <source>صُدّر التقرير إلى:
%1

هل تريد فتحه الآن؟</source>
        <translation>Report exported to:
%1

Open it now?</translation>
    </message>
    <message>
        <source>المعاينة: %1 م.ث</source>
        <translation>Preview: %1 ms</translation>
    </message>
    <message>
        <source>بحث في التقارير</source>
        <translation>Search reports</translation>
    </message>
    <message>
        <source>اكتب جزءاً من الرمز أو التاريخ أو العنوان</source>
        <translation>Type part of the symbol, date or title</translation>
    </message>
    <message>
        <source>انقر تقريراً لفتحه</source>
        <translation>Click a report to open it</translation>
    </message>
    <message>
        <source>انقر جزءاً من التقرير لتحريره</source>
        <translation>Click a part of the report to edit it</translation>
    </message>
    <message>
        <source>الصفحة الأولى والملخص</source>
        <translation>First page and summary</translation>
    </message>
    <message>
        <source>التقارير</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>الرمز</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>التاريخ</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>مخطط التقرير</source>
        <translation>Report outline</translation>
    </message>
    <message>
        <source>[فقرة فارغة]</source>
        <translation>[empty paragraph]</translation>
    </message>
    <message>
        <source>[قسم بلا عنوان]</source>
        <translation>[untitled section]</translation>
    </message>
    <message>
        <source>سنة-شهر-يوم</source>
        <translation>year-month-day</translation>
    </message>
    <message>
        <source>اكتب التاريخ بالشكل 2023-01-19 أو اختره من التقويم</source>
        <translation>Type the date as 2023-01-19 or pick it from the calendar</translation>
    </message>
    <message>
        <source>تقويم</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <source>اختيار التاريخ من التقويم</source>
        <translation>Pick the date from the calendar</translation>
    </message>
    <message>
        <source>تاريخ غير صحيح: اكتبه بالشكل 2023-01-19 (سنة-شهر-يوم)</source>
        <translation>Invalid date: type it as 2023-01-19 (year-month-day)</translation>
    </message>
    <message>
        <source>تقارير (*.docx *.txt);;Word (*.docx);;نص (*.txt);;كل الملفات (*)</source>
        <translation>Reports (*.docx *.txt);;Word (*.docx);;Text (*.txt);;All files (*)</translation>
    </message>
    <message>
        <source>مكان الدورة وتاريخها</source>
        <translation>Session place and dates</translation>
    </message>
    <message>
        <source>الفريق</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>صفة الموقّع</source>
        <translation>Signatory's title</translation>
    </message>
    <message>
        <source>مرقمة</source>
        <translation>Numbered</translation>
    </message>
    <message>
        <source>غير مرقمة</source>
        <translation>Unnumbered</translation>
    </message>
    <message>
        <source>نقطية</source>
        <translation>Bullet</translation>
    </message>
    <message>
        <source>نقطية فرعية</source>
        <translation>Sub-bullet</translation>
    </message>
    <message>
        <source>بحروف</source>
        <translation>Lettered</translation>
    </message>
    <message>
        <source>نقطية تحت حرف</source>
        <translation>Bullet under a letter</translation>
    </message>
    <message>
        <source>استيراد تقرير</source>
        <translation>Import a report</translation>
    </message>
    <message>
        <source>ملف Word ‎(.docx)‎ أو نص مستخرج منه ‎(.txt)‎</source>
        <translation>A Word file (.docx) or text extracted from one (.txt)</translation>
    </message>
    <message>
        <source>اختيار ملف…</source>
        <translation>Choose a file…</translation>
    </message>
    <message>
        <source>إيقاف القراءة</source>
        <translation>Stop reading</translation>
    </message>
    <message>
        <source>جارٍ قراءة الملف…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <source>أُوقفت القراءة؛ لم يُخزَّن شيء.</source>
        <translation>Reading stopped; nothing was stored.</translation>
    </message>
    <message>
        <source>قبل التصدير: تنبيهات</source>
        <translation>Before export: warnings</translation>
    </message>
    <message>
        <source>تنبيهات لا تمنع التصدير:</source>
        <translation>Warnings (they do not stop the export):</translation>
    </message>
    <message>
        <source>رموز تحكم في اتجاه النص في %1: %2 (تبقى كما كُتبت وتُغلق في نهاية الحقل)</source>
        <translation>Bidi control characters in %1: %2 (kept as typed, closed at the end of the field)</translation>
    </message>
    <message>
        <source>اختر ملفاً لعرض ما يُعثر عليه فيه قبل تخزينه.</source>
        <translation>Choose a file to see what is found in it before it is stored.</translation>
    </message>
    <message>
        <source>الحقول</source>
        <translation>Fields</translation>
    </message>
    <message>
        <source>المخطط</source>
        <translation>Outline</translation>
    </message>
    <message>
        <source>ما تعذر وضعه</source>
        <translation>Not placed</translation>
    </message>
    <message>
        <source>ملاحظات</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>تخزين</source>
        <translation>Store</translation>
    </message>
    <message>
        <source>الحقل</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>ما عُثر عليه</source>
        <translation>Found</translation>
    </message>
    <message>
        <source>عُثر على {fields} حقلاً و{sections} أقسام.</source>
        <translation>Found {fields} fields and {sections} sections.</translation>
    </message>
    <message>
        <source>لم يُخزَّن شيء بعد.</source>
        <translation>Nothing has been stored yet.</translation>
    </message>
    <message>
        <source>تعذر وضع {n} عنصراً: بقيت فقرات غير مرقمة حيث كانت.</source>
        <translation>{n} items could not be placed: they stay as unnumbered paragraphs where they were.</translation>
    </message>
    <message>
        <source>إضافة كلمة افتتاحية</source>
        <translation>Add opening remark</translation>
    </message>
    <message>
        <source>حذف الكلمة الافتتاحية</source>
        <translation>Delete opening remark</translation>
    </message>
    <message>
        <source>المتحدث</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <source>الفقرة التي تنقل الكلمة</source>
        <translation>Paragraph reporting it</translation>
    </message>
    <message>
        <source>من ألقى كلمة في الافتتاح، والفقرة التي تنقلها</source>
        <translation>Who spoke at the opening, and the paragraph that reports it</translation>
    </message>
    <message>
        <source>أضف أولاً شخصاً (صفحة الأشخاص) وفقرة في قسم الملاحظات الافتتاحية</source>
        <translation>First add a person (People page) and a paragraph in the opening remarks section</translation>
    </message>
    <message>
        <source>أدخل تاريخ البداية قبل تاريخ النهاية.</source>
        <translation>Enter the start date before the end date.</translation>
    </message>
    <message>
        <source>أُضيف %1 من التقارير النموذجية إلى المخزن</source>
        <translation>%1 sample reports added to the store</translation>
    </message>
    <message>
        <source>إضافة التقريرين النموذجيين إلى المخزن إن لم يكونا فيه</source>
        <translation>Add the two sample reports to the store if they are not there yet</translation>
    </message>
    <message>
        <source>إنشاء تقرير فارغ فيه اجتماع واحد وقسم واحد</source>
        <translation>Create an empty report with one meeting and one section</translation>
    </message>
    <message>
        <source>اجتماع واحد على الأقل بتاريخه</source>
        <translation>At least one meeting, with its date</translation>
    </message>
    <message>
        <source>استيراد تقرير سابق من ملف Word أو ملف نصي</source>
        <translation>Import an earlier report from a Word or text file</translation>
    </message>
    <message>
        <source>استيراد تقرير…</source>
        <translation>Import a report…</translation>
    </message>
    <message>
        <source>اسم الموقّع (الرئيس)</source>
        <translation>Name of the signatory (chair)</translation>
    </message>
    <message>
        <source>التاريخ في الفقرة %1 في القسم %2</source>
        <translation>The date in paragraph %1 of section %2</translation>
    </message>
    <message>
        <source>تاريخ الاجتماع %1</source>
        <translation>Date of meeting %1</translation>
    </message>
    <message>
        <source>تاريخ الاجتماع في الملخص</source>
        <translation>The meeting's date in the summary</translation>
    </message>
    <message>
        <source>تاريخ النهاية (%1) يسبق تاريخ البداية (%2).</source>
        <translation>The end date (%1) comes before the start date (%2).</translation>
    </message>
    <message>
        <source>تاريخ انتهاء الاجتماع %1: %2</source>
        <translation>End date of meeting %1: %2</translation>
    </message>
    <message>
        <source>تحميل التقارير النموذجية</source>
        <translation>Load the sample reports</translation>
    </message>
    <message>
        <source>تعذر تحميل التقارير النموذجية</source>
        <translation>The sample reports could not be loaded</translation>
    </message>
    <message>
        <source>تقرير فارغ جديد</source>
        <translation>New empty report</translation>
    </message>
    <message>
        <source>تقريرا فريق العمل المعني بحماية الأطفال على الإنترنت لعامي 2016 و2022</source>
        <translation>The 2016 and 2022 reports of the working group on child online protection</translation>
    </message>
    <message>
        <source>حقل مطلوب: %1</source>
        <translation>Required field: %1</translation>
    </message>
    <message>
        <source>رقم الاجتماع %1: عدد صحيح من 1 إلى 99</source>
        <translation>Number of meeting %1: a whole number from 1 to 99</translation>
    </message>
    <message>
        <source>عنوان التقرير</source>
        <translation>Report title</translation>
    </message>
    <message>
        <source>عنوان القسم %1</source>
        <translation>Title of section %1</translation>
    </message>
    <message>
        <source>غير صحيح</source>
        <translation>not possible</translation>
    </message>
    <message>
        <source>لا يوجد تقرير مفتوح</source>
        <translation>No report is open</translation>
    </message>
    <message>
        <source>نص البند الفرعي %1 في القسم %2</source>
        <translation>Text of sub-bullet %1 in section %2</translation>
    </message>
    <message>
        <source>نص البند المرقّم بحرف %1 في القسم %2</source>
        <translation>Text of lettered item %1 in section %2</translation>
    </message>
    <message>
        <source>نص الفقرة %1 في القسم %2</source>
        <translation>Text of paragraph %1 in section %2</translation>
    </message>
    <message>
        <source>نص الفقرة غير المرقّمة %1 في القسم %2</source>
        <translation>Text of unnumbered paragraph %1 in section %2</translation>
    </message>
    <message>
        <source>نص بند التعداد %1 في القسم %2</source>
        <translation>Text of bullet %1 in section %2</translation>
    </message>
    <message>
        <source>نص بند التعداد تحت بند بحرف %1 في القسم %2</source>
        <translation>Text of the bullet under a lettered item, %1 in section %2</translation>
    </message>
    <message>
        <source>هذا المخزن لا يحوي أي تقرير بعد. ابدأ بالتقارير النموذجية، أو استورد تقريراً سابقاً من ملف Word، أو أنشئ تقريراً فارغاً.</source>
        <translation>This store holds no report yet. Start with the sample reports, import an earlier report from a Word file, or create an empty report.</translation>
    </message>
    <message>
        <source>رقم الاجتماع بالكلمات كما يُكتب في التقرير</source>
        <translation>The meeting's number in words, as the report writes it</translation>
    </message>
    <message>
        <source>%1 (من ترويسة الصفحة)</source>
        <translation>%1 (from the page header)</translation>
    </message>
    <message>
        <source>%1 من قائمة الوثائق</source>
        <translation>%1 from the list of documents</translation>
    </message>
    <message>
        <source>أعيد ترقيم الفقرة %1 إلى %2</source>
        <translation>paragraph %1 is renumbered %2</translation>
    </message>
    <message>
        <source>القسم %1 هو القسم %2 في الترتيب: رُقّم %2</source>
        <translation>section %1 is section %2 in order: it is numbered %2</translation>
    </message>
    <message>
        <source>تُرك %1 من التعليقات</source>
        <translation>%1 comment(s) left out</translation>
    </message>
    <message>
        <source>تُرك %1 من المستندات المضمّنة (altChunk)</source>
        <translation>%1 embedded document(s) (altChunk) left out</translation>
    </message>
    <message>
        <source>تُرك %1 من مقاطع النص المخفي</source>
        <translation>%1 piece(s) of hidden text left out</translation>
    </message>
    <message>
        <source>حُذف %1 من علامات الإشارات المرجعية في النص المستخرج</source>
        <translation>%1 bookmark marker(s) of the text extraction dropped</translation>
    </message>
    <message>
        <source>حُذف %1 من محارف التحكم (أولها %2)</source>
        <translation>%1 control character(s) removed (%2 first)</translation>
    </message>
    <message>
        <source>لا عنوان قسم قبل الفقرات الأولى: وُضعت في قسم بلا عنوان</source>
        <translation>no section heading before the first paragraphs: they are in an untitled section</translation>
    </message>
    <message>
        <source>لم تُنقل تذييلة الصفحة الأولى (يكتب القالب تذييلته): %1</source>
        <translation>first-page footer not kept (the template writes its own): %1</translation>
    </message>
    <message>
        <source>لم يُعثر على عناوين أقسام مرقّمة: النص كله في قسم واحد بلا عنوان</source>
        <translation>no numbered section headings found: the text is in one untitled section</translation>
    </message>
    <message>
        <source>لا يوجد ملف أو مجلد بهذا الاسم</source>
        <translation>No such file or directory</translation>
    </message>
    <message>
        <source>لا إذن بالوصول إليه</source>
        <translation>Permission denied</translation>
    </message>
    <message>
        <source>العملية غير مسموح بها</source>
        <translation>Operation not permitted</translation>
    </message>
    <message>
        <source>لا مساحة كافية على القرص</source>
        <translation>No space left on the disk</translation>
    </message>
    <message>
        <source>القرص للقراءة فقط</source>
        <translation>Read-only file system</translation>
    </message>
    <message>
        <source>هذا مجلد لا ملف</source>
        <translation>This is a folder, not a file</translation>
    </message>
    <message>
        <source>جزء من المسار ليس مجلداً</source>
        <translation>Part of the path is not a folder</translation>
    </message>
    <message>
        <source>الملف موجود من قبل</source>
        <translation>The file already exists</translation>
    </message>
    <message>
        <source>ستظهر هنا معاينة التقرير كما سيُصدَّر.</source>
        <translation>The preview of the report, as it will be exported, appears here.</translation>
    </message>
    <message>
        <source>[شخص بلا اسم]</source>
        <translation>[person without a name]</translation>
    </message>
    <message>
        <source>إغلاق</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>المخزن مشغول: يستخدمه برنامج آخر. أعد المحاولة بعد قليل</source>
        <translation>The store is busy: another program is using it. Try again in a moment</translation>
    </message>
    <message>
        <source>تعذّر فتح المخزن</source>
        <translation>Could not open the store</translation>
    </message>
    <message>
        <source>الملف ليس تقريراً يمكن قراءته</source>
        <translation>The file is not a report that can be read</translation>
    </message>
    <message>
        <source>القالب غير صالح</source>
        <translation>The template cannot be used</translation>
    </message>
    <message>
        <source>لا يوجد تقرير أو ملف بهذا الاسم</source>
        <translation>No report or file by that name</translation>
    </message>
    <message>
        <source>لا يمكن استخدام ما أُعطي</source>
        <translation>What was given cannot be used</translation>
    </message>
    <message>
        <source>تعذّرت العملية</source>
        <translation>The operation failed</translation>
    </message>
    <message>
        <source>لا يمكن استيراد هذا الملف</source>
        <translation>This file cannot be imported</translation>
    </message>
    <message>
        <source>لم يُخزَّن شيء.</source>
        <translation>Nothing was stored.</translation>
    </message>
    <message>
        <source>تحديث التقرير المخزَّن من الملف</source>
        <translation>Update the stored report from the file</translation>
    </message>
    <message>
        <source>إضافته تقريراً جديداً</source>
        <translation>Add as a new report</translation>
    </message>
    <message>
        <source>يأخذ التقرير المخزَّن نص الملف ويبقى معرّفه؛ وتبقى الاجتماعات والأشخاص والمساهمات والكلمات الافتتاحية كما هي مخزَّنة</source>
        <translation>The stored report takes the file's text and keeps its id; its meetings, people, contributions and opening remarks stay as stored</translation>
    </message>
    <message>
        <source>يُضاف الملف تقريراً آخر بمعرّفات جديدة، ولا يُمسّ التقرير المخزَّن</source>
        <translation>The file is added as another report with new ids; the stored report is not touched</translation>
    </message>
    <message>
        <source>هذا الملف مُصدَّر من تقرير موجود في المخزن: %1.</source>
        <translation>This file was exported from a report that is already in the store: %1.</translation>
    </message>
    <message>
        <source>«تحديث التقرير المخزَّن من الملف» يأخذ نص الملف ويُبقي ما لا يحمله ملف Word كما هو مخزَّن: الاجتماعات والأشخاص والمساهمات والكلمات الافتتاحية. «إضافته تقريراً جديداً» يخزّنه تقريراً آخر بمعرّفات جديدة ولا يمسّ التقرير المخزَّن.</source>
        <translation>“Update the stored report from the file” takes the file's text and keeps what a Word file does not carry as stored: the meetings, people, contributions and opening remarks. “Add as a new report” stores it as another report with new ids and leaves the stored report untouched.</translation>
    </message>
    <message>
        <source>إعادة التقرير المحدد إلى قائمة التقارير وفتحه</source>
        <translation>Put the selected report back in the list of reports and open it</translation>
    </message>
    <message>
        <source>استعادة</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>استُعيد التقرير «%1» من سلة المحذوفات.</source>
        <translation>Report “%1” was restored from the trash.</translation>
    </message>
    <message>
        <source>التقارير المحذوفة من هذا المخزن. الاستعادة تعيد التقرير كما كان عند حذفه.</source>
        <translation>The reports deleted from this store. Restoring gives a report back as it was when it was deleted.</translation>
    </message>
    <message>
        <source>التقارير المحذوفة، لاستعادتها</source>
        <translation>The deleted reports, to restore them</translation>
    </message>
    <message>
        <source>تعذر حذف التقرير</source>
        <translation>Could not delete the report</translation>
    </message>
    <message>
        <source>تعذرت استعادة التقرير</source>
        <translation>Could not restore the report</translation>
    </message>
    <message>
        <source>تعذرت قراءة سلة المحذوفات</source>
        <translation>Could not read the trash</translation>
    </message>
    <message>
        <source>حذف التقرير</source>
        <translation>Delete report</translation>
    </message>
    <message>
        <source>حذف التقرير…</source>
        <translation>Delete report…</translation>
    </message>
    <message>
        <source>حذف برنامج آخر هذا التقرير من المخزن، فلم يُحفظ فيه آخر تعديل. هو في سلة المحذوفات (ملف ← سلة المحذوفات).</source>
        <translation>Another program deleted this report from the store, so the last edit was not saved to it. It is in the trash (File → Trash).</translation>
    </message>
    <message>
        <source>حُذف في</source>
        <translation>Deleted at</translation>
    </message>
    <message>
        <source>سلة المحذوفات</source>
        <translation>Trash</translation>
    </message>
    <message>
        <source>سلة المحذوفات فارغة.</source>
        <translation>The trash is empty.</translation>
    </message>
    <message>
        <source>سلة المحذوفات…</source>
        <translation>Trash…</translation>
    </message>
    <message>
        <source>غيّر برنامج آخر هذا التقرير في المخزن، فأُعيد تحميله كما حُفظ هناك.</source>
        <translation>Another program changed this report in the store, so it was reloaded as stored there.</translation>
        <source>أخفق البرنامج الذي يفتح هذا النوع من الملفات</source>
        <translation>The program that opens this kind of file failed</translation>
    </message>
    <message>
        <source>أُلغي التصدير إلى PDF</source>
        <translation>PDF export cancelled</translation>
    </message>
    <message>
        <source>اسم الملف:</source>
        <translation>File name:</translation>
    </message>
    <message>
        <source>المجلد:</source>
        <translation>Folder:</translation>
    </message>
    <message>
        <source>الملف غير موجود</source>
        <translation>The file does not exist</translation>
    </message>
    <message>
        <source>تصدير سابق إلى PDF لم ينتهِ بعد</source>
        <translation>An earlier PDF export has not finished yet</translation>
    </message>
    <message>
        <source>تعذر التصدير إلى PDF</source>
        <translation>Could not export to PDF</translation>
    </message>
    <message>
        <source>تعذر فتح الملف %1</source>
        <translation>Could not open the file %1</translation>
    </message>
    <message>
        <source>حفظ</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>خطأ في استدعاء xdg-open</source>
        <translation>xdg-open was called wrongly</translation>
    </message>
    <message>
        <source>فتح</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>لم يُطبَّق من تعديلاتك %1 لأن البرنامج الآخر غيّر الموضع نفسه.</source>
        <translation>%1 of your edits were not applied because the other program changed the same place.</translation>
    </message>
    <message>
        <source>نقل التقرير «%1» إلى سلة المحذوفات؟
يمكن استعادته من ملف ← سلة المحذوفات، أو بالتراجع (Ctrl+Z) مباشرة بعد الحذف.</source>
        <translation>Move report “%1” to the trash?
It can be restored from File → Trash, or by Undo (Ctrl+Z) right after the delete.</translation>
    </message>
    <message>
        <source>نقل التقرير المفتوح إلى سلة المحذوفات (يمكن استعادته)</source>
        <translation>Move the open report to the trash (it can be restored)</translation>
    </message>
    <message>
        <source>نُقل التقرير «%1» إلى سلة المحذوفات. للتراجع: Ctrl+Z.</source>
        <translation>Report “%1” was moved to the trash. To undo: Ctrl+Z.</translation>
    </message>
    <message>
        <source>وأُعيد تطبيق تعديلاتك غير المحفوظة عليه.</source>
        <translation>Your unsaved edits were made again on it.</translation>
        <source>أدخل المعلومة</source>
        <translation>Enter the fact</translation>
    </message>
    <message>
        <source>أضف الرئيس في جدول الأشخاص واختر له الدور «رئيس»</source>
        <translation>Add the chair in the people table and give them the role “Chair”</translation>
    </message>
    <message>
        <source>إدراج</source>
        <translation>Insert</translation>
    </message>
    <message>
        <source>إدراج حقل</source>
        <translation>Insert field</translation>
    </message>
    <message>
        <source>إدراج حقل بالبحث…</source>
        <translation>Insert field by name…</translation>
    </message>
    <message>
        <source>إدراج حقل…</source>
        <translation>Insert field…</translation>
    </message>
    <message>
        <source>إدراج معلومة من التقرير في النص (تاريخ الاجتماع، عدد المشاركين، الرئيس…) تتحدث حيثما تغيّرت</source>
        <translation>Insert a fact of the report into the text (meeting date, participants, chair…), updated wherever it changes</translation>
    </message>
    <message>
        <source>إغلاق هذه النافذة والانتقال إلى حيث تُدخل هذه المعلومة</source>
        <translation>Close this window and go to where this fact is entered</translation>
    </message>
    <message>
        <source>إغلاق هذه النافذة والانتقال إلى موضعه في التقرير</source>
        <translation>Close this window and go to its place in the report</translation>
    </message>
    <message>
        <source>إنشاء تقرير بأقسام المجلس وصيغه القياسية، تُملأ من المعلومات التي تدخلها</source>
        <translation>Create a report with the Council sections and their standard wording, filled in from the facts you enter</translation>
    </message>
    <message>
        <source>استبدال النص بالصيغة القياسية من القالب (يمكن التراجع)</source>
        <translation>Replace the text with the template’s standard wording (can be undone)</translation>
    </message>
    <message>
        <source>استبدال نص الفقرة بالصيغة القياسية من القالب</source>
        <translation>Replace the paragraph’s text with the template’s standard wording</translation>
    </message>
    <message>
        <source>اكتب جزءاً من اسم المعلومة ثم اختر:</source>
        <translation>Type part of the fact’s name, then choose:</translation>
    </message>
    <message>
        <source>الانتقال إلى حيث تُدخل هذه المعلومة</source>
        <translation>Go to where this fact is entered</translation>
    </message>
    <message>
        <source>الانتقال إلى معلومة الحقل</source>
        <translation>Go to the field’s fact</translation>
    </message>
    <message>
        <source>الصيغة القياسية</source>
        <translation>Standard wording</translation>
    </message>
    <message>
        <source>الصيغة القياسية من القالب، تُملأ بالمعلومات المدخلة. اكتب فيها لتجعلها صيغتك.</source>
        <translation>The template’s standard wording, filled in from the facts entered. Type in it to make it your own.</translation>
    </message>
    <message>
        <source>العودة إلى الصيغة القياسية</source>
        <translation>Reset to the standard wording</translation>
    </message>
    <message>
        <source>الوثيقة</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>انقر نقراً مزدوجاً للانتقال إلى حيث تُدخل</source>
        <translation>Double-click to go to where it is entered</translation>
    </message>
    <message>
        <source>تعديل الحقول</source>
        <translation>Edit fields</translation>
    </message>
    <message>
        <source>تقرير جديد من القوالب</source>
        <translation>New report from the templates</translation>
    </message>
    <message>
        <source>تنبيه</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>حقل</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>حقل غير معروف: %1</source>
        <translation>Unknown field: %1</translation>
    </message>
    <message>
        <source>حقول فارغة ومعلومات ناقصة (تظهر في الملف بين معقوفين)، وما يبدو متعارضاً في التقرير. انتقل إلى كل منها لإكماله، أو صدّر على أي حال.</source>
        <translation>Empty fields and missing facts (they appear in the file in brackets), and what seems to contradict itself in the report. Go to each to complete it, or export anyway.</translation>
    </message>
    <message>
        <source>صيغة معدّلة</source>
        <translation>Own wording</translation>
    </message>
    <message>
        <source>ضع المؤشر بجانب حقل للانتقال إلى معلومته</source>
        <translation>Put the cursor next to a field to go to its fact</translation>
    </message>
    <message>
        <source>ضع المؤشر في نص لإدراج حقل فيه</source>
        <translation>Put the cursor in a text to insert a field into it</translation>
    </message>
    <message>
        <source>عُدّل هذا النص عن الصيغة القياسية؛ تبقى الحقول فيه حية</source>
        <translation>This text was changed from the standard wording; its fields stay live</translation>
    </message>
    <message>
        <source>فتح الصفحة التي تُدخل فيها معلومة الحقل المجاور للمؤشر</source>
        <translation>Open the page where the fact of the field next to the cursor is entered</translation>
    </message>
    <message>
        <source>قبل التصدير: ما يحتاج إلى مراجعة</source>
        <translation>Before export: what needs attention</translation>
    </message>
    <message>
        <source>لم تُدخل بعد</source>
        <translation>Not entered yet</translation>
    </message>
    <message>
        <source>مثلاً: تاريخ الاجتماع</source>
        <translation>e.g. meeting date</translation>
    </message>
    <message>
        <source>مساهمة بلا اسم</source>
        <translation>Unnamed contribution</translation>
    </message>
    <message>
        <source>مساهمة محذوفة</source>
        <translation>Deleted contribution</translation>
    </message>
    <message>
        <source>ناقص: %1، تنبيهات: %2</source>
        <translation>Missing: %1, warnings: %2</translation>
    </message>
    <message>
        <source>نص الفقرة. لإدراج حقل (معلومة تُملأ من الاجتماعات والأشخاص والمساهمات)</source>
        <translation>The paragraph’s text. To insert a field (a fact filled in from the meetings, people and contributions)</translation>
    </message>
    <message>
        <source>هذا النص هو الصيغة القياسية من القالب، تُملأ بالمعلومات المدخلة وتتبع القالب إذا تغيّر. اكتب فيه لتجعله صيغتك.</source>
        <translation>This text is the template’s standard wording, filled in from the facts entered, and follows the template if it changes. Type in it to make it your own.</translation>
    </message>
    <message>
        <source>مختصر اسم الفريق</source>
        <translation>Group's acronym</translation>
    </message>
    <message>
        <source>الاجتماع ورقمه</source>
        <translation>The meeting(s), numbered</translation>
    </message>
    <message>
        <source>الاجتماع وتاريخه</source>
        <translation>Meeting(s) and date(s)</translation>
    </message>
    <message>
        <source>تاريخ الاجتماع</source>
        <translation>Meeting date(s)</translation>
    </message>
    <message>
        <source>مكان الاجتماع</source>
        <translation>Where the meeting was held</translation>
    </message>
    <message>
        <source>طريقة المشاركة</source>
        <translation>How participants took part</translation>
    </message>
    <message>
        <source>هذا الاجتماع</source>
        <translation>This meeting / these meetings</translation>
    </message>
    <message>
        <source>الذي عُقد</source>
        <translation>Which was held</translation>
    </message>
    <message>
        <source>مصدر الوثيقة</source>
        <translation>Contribution's source</translation>
    </message>
    <message>
        <source>عنوان الوثيقة</source>
        <translation>Contribution's title</translation>
    </message>
    <message>
        <source>%1: لم تُدخل بعد</source>
        <translation>%1: not entered yet</translation>
    </message>
    <message>
        <source>«%1» عُرضت وليست في قائمة الوثائق</source>
        <translation>“%1” was presented but is not in the list of documents</translation>
    </message>
    <message>
        <source>«%1» مدرجة في قائمة الوثائق ولم تُعرض</source>
        <translation>“%1” is in the list of documents but was not presented</translation>
    </message>
    <message>
        <source>التاريخ «%1» ليس من تواريخ الاجتماعات</source>
        <translation>the date “%1” is not one of the meetings’ dates</translation>
    </message>
    <message>
        <source>الفقرة %1</source>
        <translation>Paragraph %1</translation>
    </message>
    <message>
        <source>حقل لمساهمة محذوفة</source>
        <translation>a field of a deleted contribution</translation>
    </message>
    <message>
        <source>فارغ</source>
        <translation>empty</translation>
    </message>
    <message>
        <source>فقرة في القسم %1</source>
        <translation>A paragraph in section %1</translation>
    </message>
    <message>
        <source>يذكر اجتماعاً غير اجتماعات هذا التقرير</source>
        <translation>names a meeting other than this report’s</translation>
    </message>
    <message>
        <source>صيغة الحقل</source>
        <translation>Form of the field</translation>
    </message>
    <message>
        <source>لا يُقسم عند نهاية السطر</source>
        <translation>not split at the end of a line</translation>
    </message>
    <message>
        <source>أدخل المعلومة</source>
        <translation>Enter the fact</translation>
    </message>
</context>
<context>
    <name>cwgdraft</name>
    <!-- Find and replace, search across reports, proofing, help (gui/find.py, search_dialog.py, proofing.py, help.py, words.py). -->
    <message>
        <source>%1 مطابقة في التقرير</source>
        <translation>%1 matches in the report</translation>
    </message>
    <message>
        <source>%1 نتيجة</source>
        <translation>%1 hits</translation>
    </message>
    <message>
        <source>إضافة «%1» إلى القاموس</source>
        <translation>Add “%1” to the dictionary</translation>
    </message>
    <message>
        <source>اختصارات لوحة المفاتيح</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>استبدال</source>
        <translation>Replace</translation>
    </message>
    <message>
        <source>استبدال الكل</source>
        <translation>Replace all</translation>
    </message>
    <message>
        <source>استبدال المطابقة المحددة والانتقال إلى التالية</source>
        <translation>Replace the selected match and go to the next one</translation>
    </message>
    <message>
        <source>استبدال بـ:</source>
        <translation>Replace with:</translation>
    </message>
    <message>
        <source>استبدال كل المطابقات في التقرير (خطوة تراجع واحدة)</source>
        <translation>Replace every match in the report (one undo step)</translation>
    </message>
    <message>
        <source>استبدال…</source>
        <translation>Replace…</translation>
    </message>
    <message>
        <source>استُبدلت %1 مطابقة</source>
        <translation>%1 matches replaced</translation>
    </message>
    <message>
        <source>اكتب التاريخ بالشكل 2023-01-19 أو 19/1/2023 أو 19 يناير 2023، أو اختره من التقويم</source>
        <translation>Type the date as 2023-01-19, 19/1/2023 or 19 يناير 2023, or pick it from the calendar</translation>
    </message>
    <message>
        <source>الأمر</source>
        <translation>Command</translation>
    </message>
    <message>
        <source>الانتقال بين الحقول</source>
        <translation>Move between fields</translation>
    </message>
    <message>
        <source>البحث عن:</source>
        <translation>Find:</translation>
    </message>
    <message>
        <source>البحث في كل تقارير المخزن وفتح ما يُعثر عليه</source>
        <translation>Search every report in the store and open what is found</translation>
    </message>
    <message>
        <source>البحث في نص التقرير كله</source>
        <translation>Find in the whole text of the report</translation>
    </message>
    <message>
        <source>البحث والاستبدال في نص التقرير كله</source>
        <translation>Find and replace in the whole text of the report</translation>
    </message>
    <message>
        <source>التالي</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>التدقيق الإملائي غير متاح: %1</source>
        <translation>Spell checking is not available: %1</translation>
    </message>
    <message>
        <source>التقرير</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>الرقم</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>السابق</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>المطابقة %1 من %2</source>
        <translation>Match %1 of %2</translation>
    </message>
    <message>
        <source>المطابقة التالية</source>
        <translation>Next match</translation>
    </message>
    <message>
        <source>المطابقة السابقة</source>
        <translation>Previous match</translation>
    </message>
    <message>
        <source>المفاتيح</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>النص</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>انقر نتيجة لفتحها</source>
        <translation>Click a hit to open it</translation>
    </message>
    <message>
        <source>بحث في التقرير</source>
        <translation>Find in the report</translation>
    </message>
    <message>
        <source>بحث في التقرير…</source>
        <translation>Find in the report…</translation>
    </message>
    <message>
        <source>بحث في كل التقارير</source>
        <translation>Search every report</translation>
    </message>
    <message>
        <source>بحث في كل التقارير…</source>
        <translation>Search every report…</translation>
    </message>
    <message>
        <source>بحث واستبدال</source>
        <translation>Find and replace</translation>
    </message>
    <message>
        <source>تجاهل التشكيل والتطويل وأشكال الألف والهمزة والتاء المربوطة والياء والأرقام</source>
        <translation>Ignore diacritics, tatweel, alef and hamza forms, taa marbuta, yaa and digit forms</translation>
    </message>
    <message>
        <source>تصحيح</source>
        <translation>Fix</translation>
    </message>
    <message>
        <source>تصحيح الكتابة</source>
        <translation>Fix the writing</translation>
    </message>
    <message>
        <source>تصحيح الكل</source>
        <translation>Fix all</translation>
    </message>
    <message>
        <source>تصحيح: %1</source>
        <translation>Fix: %1</translation>
    </message>
    <message>
        <source>تصدير</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>تصفية قائمة التقارير</source>
        <translation>Filter the report list</translation>
    </message>
    <message>
        <source>تطبيق كل التصحيحات المقترحة (خطوة تراجع واحدة)</source>
        <translation>Apply every suggested fix (one undo step)</translation>
    </message>
    <message>
        <source>دليل الاستخدام</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>دليل قصير لاستخدام البرنامج</source>
        <translation>A short manual of the app</translation>
    </message>
    <message>
        <source>في نافذة البحث: المطابقة التالية، السابقة</source>
        <translation>In the find window: next match, previous match</translation>
    </message>
    <message>
        <source>قائمة الاختصارات كلها</source>
        <translation>Every keyboard shortcut</translation>
    </message>
    <message>
        <source>قائمة التصحيح والاقتراحات لكلمة مسطّرة</source>
        <translation>Fixes and suggestions for an underlined word</translation>
    </message>
    <message>
        <source>قبل التصدير: ملاحظات على الكتابة</source>
        <translation>Before export: notes on the writing</translation>
    </message>
    <message>
        <source>كلمات كاملة فقط</source>
        <translation>Whole words only</translation>
    </message>
    <message>
        <source>كلمات يُبحث عنها في كل تقارير المخزن (التشكيل وأشكال الحروف لا تهم)</source>
        <translation>Words to find in every report of the store (diacritics and letter forms do not matter)</translation>
    </message>
    <message>
        <source>لا اقتراحات</source>
        <translation>No suggestions</translation>
    </message>
    <message>
        <source>لا توجد مطابقة في التقرير</source>
        <translation>No match in the report</translation>
    </message>
    <message>
        <source>لا نتائج</source>
        <translation>Nothing found</translation>
    </message>
    <message>
        <source>لم يُعثر على الدليل في هذه النسخة.</source>
        <translation>The manual is not in this copy of the app.</translation>
    </message>
    <message>
        <source>مسافة واحدة</source>
        <translation>one space</translation>
    </message>
    <message>
        <source>ملاحظات على الكتابة العربية (%1): لا تمنع التصدير.</source>
        <translation>Notes on the Arabic writing (%1): they do not stop the export.</translation>
    </message>
    <message>
        <source>«%1» بشرطة عادية والتقرير يكتبه بشرطة غير فاصلة: تُكتب «%2»</source>
        <translation>“%1” with an ordinary hyphen where the report writes a non-breaking one: write “%2”</translation>
    </message>
    <message>
        <source>«%1» بلا نظير: يُضاف نظيره أو يُحذف</source>
        <translation>“%1” has no pair: add its pair or remove it</translation>
    </message>
    <message>
        <source>«%1» لاتينية في نص عربي: تُكتب «%2»</source>
        <translation>Latin “%1” in Arabic text: write “%2”</translation>
    </message>
    <message>
        <source>أرقام هندية وعربية في نص واحد: تُكتب «%2»</source>
        <translation>Arabic-Indic and Western digits in one text: write “%2”</translation>
    </message>
    <message>
        <source>اسم الفريق مكتوب بغير ما في بيانات التقرير: «%2»</source>
        <translation>The group's name spelled otherwise than the report's facts: “%2”</translation>
    </message>
    <message>
        <source>الفقرة %1 في القسم %2</source>
        <translation>Paragraph %1 of section %2</translation>
    </message>
    <message>
        <source>تطويل (ـ): يُحذف</source>
        <translation>Tatweel (ـ): remove it</translation>
    </message>
    <message>
        <source>حروف بأشكال العرض (منسوخة من PDF): تُكتب حروفاً عادية</source>
        <translation>Presentation-form letters (copied from a PDF): write ordinary letters</translation>
    </message>
    <message>
        <source>مسافة قبل علامة الترقيم: تُحذف</source>
        <translation>A space before punctuation: remove it</translation>
    </message>
    <message>
        <source>مسافتان أو أكثر: تكفي مسافة واحدة</source>
        <translation>Two spaces or more: one is enough</translation>
        <source>كل الملفات (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>لا يوجد برنامج لفتح الملفات (xdg-open غير مثبت)</source>
        <translation>No program to open files (xdg-open is not installed)</translation>
    </message>
    <message>
        <source>لا يوجد برنامج مثبّت لفتح هذا النوع من الملفات</source>
        <translation>No program is installed to open this kind of file</translation>
    </message>
    <message>
        <source>مخزن cwgdraft (*.db)</source>
        <translation>cwgdraft store (*.db)</translation>
    </message>
    <message>
        <source>مستند PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>نوع الملف:</source>
        <translation>File type:</translation>
    </message>
    <message>
        <source>تحويل التقرير إلى PDF عبر LibreOffice…</source>
        <translation>Converting the report to PDF with LibreOffice…</translation>
    </message>
    <message>
        <source>الوقت: %1 ث</source>
        <translation>Time: %1 s</translation>
    </message>
    <message>
        <source>مثال: %1</source>
        <translation>e.g. %1</translation>
    </message>
    <message>
        <source>أخفق البرنامج الذي يفتح هذا النوع من الملفات</source>
        <translation>The program that opens this kind of file failed</translation>
    </message>
    <message>
        <source>كل الملفات (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>تعديل</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>تعارض</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>فقرة مضافة</source>
        <translation>Added paragraph</translation>
    </message>
    <message>
        <source>تقسيم</source>
        <translation>Split</translation>
    </message>
    <message>
        <source>دمج</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>تعليق</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>مقترحات المراجعين</source>
        <translation>Reviewers' proposals</translation>
    </message>
    <message>
        <source>قبول</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>مقترحات معلّقة</source>
        <translation>Proposals pending</translation>
    </message>
    <message>
        <source>قبول مقترح</source>
        <translation>Accept a proposal</translation>
    </message>
    <message>
        <source>رفض مقترح</source>
        <translation>Reject a proposal</translation>
    </message>
    <message>
        <source>قبول النص المحرَّر</source>
        <translation>Accept as edited</translation>
    </message>
    <message>
        <source>قبول نص المراجع</source>
        <translation>Take the reviewer's text</translation>
    </message>
    <message>
        <source>إبقاء نص التقرير</source>
        <translation>Keep the report's text</translation>
    </message>
    <message>
        <source>رفض</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>لا مقترحات معلقة.</source>
        <translation>No pending proposals.</translation>
    </message>
    <message>
        <source>نص المراجع:</source>
        <translation>The reviewer's text:</translation>
    </message>
    <message>
        <source>نص التقرير الآن:</source>
        <translation>The report's text now:</translation>
    </message>
    <message>
        <source>عُدّلت خارج النطاق المسموح بتحريره.</source>
        <translation>Edited outside the editable ranges.</translation>
    </message>
    <message>
        <source>مقترحات المراجعين…</source>
        <translation>Reviewers' proposals…</translation>
    </message>
    <message>
        <source>ما اقترحه المراجعون في نسخهم: قبول أو رفض</source>
        <translation>What reviewers proposed in their copies: accept or reject</translation>
        <source>إدراج حاشية…</source>
        <translation>Insert footnote…</translation>
    </message>
    <message>
        <source>تحته خط</source>
        <translation>Underline</translation>
    </message>
    <message>
        <source>تعديل الحاشية…</source>
        <translation>Edit footnote…</translation>
    </message>
    <message>
        <source>تنسيق</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>حاشية</source>
        <translation>Footnote</translation>
    </message>
    <message>
        <source>رابط</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>رابط…</source>
        <translation>Link…</translation>
    </message>
    <message>
        <source>عنوان الرابط (اتركه فارغاً لإزالة الرابط):</source>
        <translation>Link address (leave it empty to remove the link):</translation>
    </message>
    <message>
        <source>غامق</source>
        <translation>Bold</translation>
    </message>
    <message>
        <source>مائل</source>
        <translation>Italic</translation>
    </message>
    <message>
        <source>موافق</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>نص الحاشية في أسفل الصفحة:</source>
        <translation>Text of the note at the foot of the page:</translation>
    </message>
    <message>
        <source>في نص الفقرة: غامق، مائل، تحته خط</source>
        <translation>In a paragraph's text: bold, italic, underline</translation>
    </message>
    <message>
        <source>في نص الفقرة: رابط</source>
        <translation>In a paragraph's text: link</translation>
    </message>
    <message>
        <source>في نص الفقرة: حاشية</source>
        <translation>In a paragraph's text: footnote</translation>
    </message>
    <message>
        <source>الصفحات</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>الصفحات كما يخرجها LibreOffice، للتكبير والطباعة</source>
        <translation>The pages as LibreOffice lays them out, to zoom and print</translation>
    </message>
    <message>
        <source>تظهر هنا الصفحات كما يخرجها LibreOffice.</source>
        <translation>The pages, as LibreOffice lays them out, appear here.</translation>
    </message>
    <message>
        <source>تُعدّ الصفحات…</source>
        <translation>Making the pages…</translation>
    </message>
    <message>
        <source>طباعة الصفحات</source>
        <translation>Print the pages</translation>
    </message>
    <message>
        <source>لم تُعدّ الصفحات.</source>
        <translation>The pages could not be made.</translation>
    </message>
    <message>
        <source>في المعاينة والصفحات: تكبير، تصغير، الحجم الأصلي أو ملء العرض</source>
        <translation>In the preview and the pages: zoom in, zoom out, back to size or fit the width</translation>
    </message>
    <message>
        <source>في الصفحات: طباعة</source>
        <translation>In the pages: print</translation>
    </message>
    <message>
        <source>إدراج حاشية…</source>
        <translation>Insert footnote…</translation>
    </message>
    <message>
        <source>مخزن cwgdraft (*.db);;كل الملفات (*)</source>
        <translation>cwgdraft store (*.db);;All files (*)</translation>
    </message>
</context>
</TS>
