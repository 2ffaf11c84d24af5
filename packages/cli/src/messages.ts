// Everything the CLI says, in Vietnamese and English. The language follows the locale the way
// POSIX tools do (LC_ALL, then LC_MESSAGES, then LANG: vi_VN.UTF-8 => vi, anything else => en)
// and `--lang vi|en`, which every command takes. Codes (diagnostic codes, bundle error codes,
// exit statuses) never change with the language: scripts read those.
// A refused bundle's sentence is the bundle package's (bundleErrorText in commands/bundle-io.ts,
// loaded only with the zip code). Terms follow the glossary of docs/languages.md (bài giảng, trang chiếu, tư liệu, gói .lectern).
import type { InputErrorCode } from './read-input.ts';

export type CliLang = 'vi' | 'en';

export function isCliLang(value: unknown): value is CliLang {
  return value === 'vi' || value === 'en';
}

/** The locale's language: the first of LC_ALL, LC_MESSAGES, LANG that is set decides. */
export function langFromEnv(env: Readonly<Record<string, string | undefined>>): CliLang {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value) return /^vi(?:[_.@-]|$)/i.test(value) ? 'vi' : 'en';
  }
  return 'en';
}

/**
 * Takes `--lang vi|en` / `--lang=vi|en` out of the arguments (anywhere, for every command).
 * Returns the language asked for, or a problem to report as bad usage.
 */
export function takeLangOption(argv: readonly string[]): { args: string[]; lang?: CliLang; problem?: string } {
  const args: string[] = [];
  let lang: CliLang | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      args.push(...argv.slice(i));
      break;
    }
    let value: string | undefined;
    if (arg === '--lang') value = argv[++i] ?? '';
    else if (arg.startsWith('--lang=')) value = arg.slice('--lang='.length);
    else {
      args.push(arg);
      continue;
    }
    if (!isCliLang(value)) return { args, problem: value };
    lang = value;
  }
  return { args, lang };
}

/** A number as the language writes it (1,5 in Vietnamese, 1.5 in English), through Intl. */
export function formatCliNumber(value: number, lang: CliLang, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', options).format(value);
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const LANG_OPTION = {
  vi: '  --lang vi|en    ngôn ngữ của thông báo (mặc định theo LC_ALL / LC_MESSAGES / LANG)',
  en: '  --lang vi|en    language of the messages (default: from LC_ALL / LC_MESSAGES / LANG)',
};

const vi = {
  usage: `Cách dùng: lectern <lệnh> [tùy chọn]

Lệnh:
  check TỆP... [--json]         kiểm tra bài giảng (.md) và gói bài giảng (.lectern)
  build BÀI.md -o THƯ_MỤC       dựng trang web ngoại tuyến trình chiếu bài giảng (reveal.js)
  pack BÀI.md -o TỆP.lectern    đóng một gói gồm bài giảng và tư liệu của nó
  unpack TỆP.lectern -o THƯ_MỤC kiểm tra một gói rồi giải nén
  export BÀI.md -o TỆP.pptx     tệp PowerPoint sửa được của bài giảng, kèm tư liệu và ghi chú
  import TỆP.pptx|.docx -o THƯ_MỤC chuyển tệp PowerPoint hoặc Word thành bài giảng và tư liệu
  centre setup|add-user|report  máy chủ đồng bộ của trung tâm: chuẩn bị, thêm giảng viên, báo cáo toàn trung tâm

Tùy chọn:
  -h, --help      trợ giúp cho lectern hoặc cho một lệnh (lectern check --help, lectern help check)
  -v, --version   in phiên bản
${LANG_OPTION.vi}

Mã thoát: 0 ổn, 1 có lỗi trong dữ liệu vào, 2 dùng sai lệnh hoặc không đọc được dữ liệu vào.
`,
  checkUsage: `Cách dùng: lectern check TỆP... [--json]

Kiểm tra bài giảng (.md) và gói bài giảng (.lectern), in mỗi vấn đề một dòng:
  tệp:dòng:cột mức_độ mã thông_báo
--json in một mảng JSON gồm {file, line, column, severity, code, message}.
${LANG_OPTION.vi}
Mã thoát: 0 không lỗi hoặc chỉ có cảnh báo, 1 có lỗi, 2 dùng sai lệnh hoặc có tệp không đọc được.
`,
  buildUsage: (runtimeDir: string, themes: string, defaultTheme: string) => `Cách dùng: lectern build BÀI.md -o THƯ_MỤC [--theme TÊN]

Dựng một trang web tĩnh trình chiếu bài giảng bằng reveal.js, không cần mạng, từ máy chủ web
hoặc mở thẳng bằng file://: THƯ_MỤC/index.html, THƯ_MỤC/${runtimeDir}/ (reveal.js, màn hình
giảng viên) và tư liệu của bài giảng theo cùng đường dẫn tương đối. Nhấn S để mở màn hình giảng viên.
  -o, --out THƯ_MỤC  thư mục đích: mới, trống, hoặc một bản dựng lectern trước đó
  --theme TÊN        ${themes} (mặc định: giao diện của bài giảng, nếu không thì ${defaultTheme})
  --lang vi|en       ngôn ngữ của thông báo và của giao diện trang web đã dựng (màn hình giảng viên);
                     mặc định: thông báo theo LC_ALL / LC_MESSAGES / LANG, trang web theo lang của bài giảng
Mã thoát: 0 đã dựng, 1 đã dựng nhưng bài giảng có lỗi, 2 dùng sai lệnh hoặc không đọc được dữ liệu vào.
`,
  packUsage: `Cách dùng: lectern pack BÀI.md [-o TỆP.lectern]

Đóng bài giảng và mọi tư liệu trên máy mà nó dùng (trong media/ cạnh bài giảng) vào một gói
.lectern. Mặc định: tên bài giảng với đuôi .lectern, trong thư mục hiện tại.
In danh sách những gì đã đóng gói ra stdout; tiến độ với tệp lớn ra stderr.
${LANG_OPTION.vi}
Mã thoát: 0 đã đóng gói, 1 thiếu hoặc có tư liệu không an toàn (được liệt kê), 2 dùng sai lệnh hoặc không đọc được bài giảng.
`,
  unpackUsage: `Cách dùng: lectern unpack TỆP.lectern -o THƯ_MỤC [--force]

Kiểm tra toàn bộ gói, rồi giải nén manifest.json, deck.md và media/ vào THƯ_MỤC.
Không ghi gì nếu gói bị từ chối. THƯ_MỤC phải chưa có hoặc trống, trừ khi có --force
(thay thế nó).
${LANG_OPTION.vi}
Mã thoát: 0 đã giải nén, 1 gói bị từ chối hoặc THƯ_MỤC không trống, 2 dùng sai lệnh hoặc không đọc được tệp.
`,
  exportUsage: `Cách dùng: lectern export BÀI.md -o TỆP.pptx [--json]

Ghi bài giảng thành tệp PowerPoint sửa được: tiêu đề, chữ, danh sách, bảng, các khối bài giảng,
ảnh, video, âm thanh và ghi chú của giảng viên; tư liệu lấy từ cạnh bài giảng (media/...).
  -o, --out TỆP    tệp cần ghi; phần mở rộng chọn định dạng (.pptx)
  --json           in kết quả dạng JSON ra stdout (output, số trang chiếu, losses)
${LANG_OPTION.vi}
Mã thoát: 0 đã ghi, 1 đã ghi nhưng có thứ không giữ được (được liệt kê), 2 dùng sai lệnh hoặc
không đọc được dữ liệu vào.
`,
  importUsage: `Cách dùng: lectern import TỆP.pptx|TỆP.docx|TỆP.qmd|TỆP.md -o THƯ_MỤC [--json]

Chuyển một bài trình chiếu PowerPoint hoặc một giáo án Word thành bài giảng Lectern: THƯ_MỤC/deck.md
và THƯ_MỤC/media/... Từ .pptx: các trang chiếu, tiêu đề, chữ, danh sách, bảng, ảnh, video/âm thanh,
ghi chú và trang chiếu ẩn. Từ .docx: mỗi Heading 1/2 một trang chiếu, danh sách, bảng, ảnh, và các
mục của giáo án (Mục tiêu, Đối tượng, Thời gian, Tài liệu tham khảo) vào phần đầu (front matter).
Từ bài trình chiếu Quarto/Pandoc (.qmd, format: revealjs), Marp (marp: true) hoặc Slidev: cùng các
trang chiếu, ghi chú và ý hiện dần bằng Markdown của Lectern, ảnh trên máy chép vào THƯ_MỤC/media/.
Những gì không chuyển được sẽ được liệt kê (--json in toàn bộ báo cáo ra stdout).
THƯ_MỤC phải chưa có hoặc trống. Không để lại gì trong THƯ_MỤC khi tệp bị từ chối.
${LANG_OPTION.vi}
Mã thoát: 0 đã chuyển, 1 đã chuyển nhưng có mất mát (được liệt kê), 2 dùng sai lệnh, không đọc được
hoặc tệp bị từ chối.
`,
  noOutFile: 'chưa nêu tệp đích (-o TỆP.pptx)',
  exportFormat: (out: string) => `không biết định dạng của "${out}": tệp đích phải có đuôi .pptx`,
  exportWrote: (slides: number, out: string) => `đã ghi ${slides} trang chiếu vào ${out}`,
  exportLosses: (n: number) => `${n} mục không giữ được:`,
  nameFileToImport: 'hãy nêu tệp cần nhập',
  importTargetNotEmpty: (path: string) => `${path} không trống; không ghi gì`,
  importWhere: (slide: number | string, line: number | undefined) => `trang chiếu ${slide}${line === undefined ? '' : ` (deck.md:${line})`}`,
  importLoss: 'mất',
  importNote: 'ghi chú',
  imported: (slides: number, media: number, size: string, output: string, losses: number) =>
    `đã nhập ${slides} trang chiếu, ${media} tư liệu (${size}) vào ${output}; ${losses} mục không chuyển được`,
  notOtherDeck:
    'không phải bài trình chiếu Quarto, Marp hay Slidev (không có format: revealjs, marp: true hoặc phần đầu trang chiếu của Slidev); bài giảng Lectern không cần nhập; không ghi gì',
  unknownCommand: (name: string) => `lệnh "${name}" không có`,
  badLang: (value: string) => `--lang nhận vi hoặc en (không phải "${value}")`,
  failed: (detail: string) => `thất bại: ${detail}`,
  notAvailable: (command: string) => `"${command}" chưa có trong phiên bản lectern này`,
  noFile: 'chưa nêu TỆP nào',
  noDeck: 'chưa nêu BÀI.md',
  oneDeck: 'chỉ nêu một bài giảng',
  noOut: 'chưa nêu thư mục đích (-o THƯ_MỤC)',
  unknownTheme: (theme: string, themes: string) => `giao diện "${theme}" không có; các giao diện ngoại tuyến: ${themes}`,
  summary: (files: number, error: number, warning: number, info: number, unreadable: number) =>
    `đã kiểm tra ${files} tệp: ${error} lỗi, ${warning} cảnh báo, ${info} thông tin${unreadable > 0 ? `, ${unreadable} tệp không đọc được` : ''}`,
  outFolder: {
    'not-folder': 'đã có và không phải thư mục',
    unusable: (code: string) => `không dùng được (${code})`,
    'not-build': 'không trống và không phải một bản dựng lectern trước đó; hãy chọn thư mục mới hoặc trống',
  },
  rendering: (deck: string) => `đang dựng ${deck}`,
  themeFallback: (requested: string, theme: string) => `giao diện "${requested}" thiếu chữ tiếng Việt hoặc cần mạng; dùng "${theme}"`,
  copiedMedia: (n: number, size: string) => `đã chép ${n} tư liệu (${size})`,
  slidesWritten: (n: number, dir: string, errors: number) => `đã ghi ${n} trang chiếu vào ${dir}${errors > 0 ? ` (bài giảng có ${errors} lỗi)` : ''}`,
  needsFile: (option: string) => `${option} cần một tên tệp`,
  needsFolder: (option: string) => `${option} cần một tên thư mục`,
  unknownOption: (option: string) => `tùy chọn ${option} không có`,
  oneAtATime: {
    deck: (a: string, b: string) => `mỗi lần một bài giảng (đã nêu ${a} và ${b})`,
    bundle: (a: string, b: string) => `mỗi lần một gói (đã nêu ${a} và ${b})`,
    file: (a: string, b: string) => `mỗi lần một tệp (đã nêu ${a} và ${b})`,
  },
  nameDeckToPack: 'hãy nêu bài giảng cần đóng gói',
  nameBundle: 'hãy nêu gói cần giải nén',
  nameTarget: 'hãy nêu thư mục đích bằng -o THƯ_MỤC',
  mediaCannotBePacked: (n: number) => `${n} tư liệu không đóng gói được; không ghi gì:`,
  mediaNotWhatNamed: (n: number) => `${n} tư liệu có nội dung không đúng với tên tệp (ứng dụng cũng từ chối gói này); không ghi gì:`,
  cannotWrite: (path: string, detail: string) => `không ghi được ${path}: ${detail}`,
  nothingWritten: 'không ghi gì',
  packed: (files: number, size: string, output: string) => `đã đóng ${files} tệp, ${size} tư liệu, vào ${output}`,
  unpacked: (title: string, files: number, size: string, output: string) => `đã giải nén "${title}": ${files} tệp, ${size} tư liệu, vào ${output}`,
  targetNotFolder: (path: string) => `${path} đã có và không phải thư mục; không ghi gì`,
  targetNotEmpty: (path: string) => `${path} không trống; dùng --force để thay thế; không ghi gì`,
  progress: { packed: 'đã đóng gói', checked: 'đã kiểm tra', extracted: 'đã giải nén', written: 'đã ghi' } as Record<ProgressVerb, string>,
  progressLine: (verb: string, done: string, total: string, percent: number) => `${verb} ${done} / ${total} (${percent}%)`,
  input: {
    missing: () => 'không có tệp này',
    directory: () => 'là một thư mục, không phải tệp',
    'not-file': () => 'không phải tệp thường',
    unreadable: (d) => (d.errno === 'EACCES' || d.errno === 'EPERM' ? 'không có quyền đọc' : `không đọc được (${d.errno ?? 'lỗi không rõ'})`),
    'too-large': (d) => `dài ${d.size} byte; một bài giảng tối đa ${d.max} byte`,
    binary: (d) => `là tệp nhị phân (byte NUL ở vị trí ${d.offset}), không phải bài giảng Markdown`,
    encoding: (d) => `không phải UTF-8 hợp lệ${d.line !== undefined ? ` ở dòng ${d.line}, byte ${d.offset}` : ''}; hãy lưu bằng UTF-8 rồi thử lại`,
    unchecked: (d) => `không kiểm tra được: ${d.detail}`,
  } as InputTexts,
};

export type ProgressVerb = 'packed' | 'checked' | 'extracted' | 'written';
type InputTexts = Record<InputErrorCode, (details: Readonly<Record<string, string | number | undefined>>) => string>;
export type CliMessages = typeof vi;

const en: CliMessages = {
  usage: `Usage: lectern <command> [options]

Commands:
  check FILE... [--json]        diagnostics for decks (.md) and bundles (.lectern)
  build DECK.md -o DIR          static offline site that presents the deck (reveal.js)
  pack DECK.md -o FILE.lectern  one bundle file with the deck and its media
  unpack FILE.lectern -o DIR    validate a bundle, then extract it
  export DECK.md -o FILE.pptx   editable PowerPoint file of the deck, with its media and notes
  import FILE.pptx|.docx -o DIR convert a PowerPoint or Word file into a deck and its media
  centre setup|add-user|report  a training centre's sync server: set up, add users, whole-centre report

Options:
  -h, --help      help for lectern or for one command (lectern check --help, lectern help check)
  -v, --version   print the version
${LANG_OPTION.en}

Exit status: 0 ok, 1 errors found in the input, 2 bad usage or unreadable input.
`,
  checkUsage: `Usage: lectern check FILE... [--json]

Checks decks (.md) and bundles (.lectern) and prints one line per problem:
  file:line:column severity code message
--json prints one JSON array of {file, line, column, severity, code, message} instead.
${LANG_OPTION.en}
Exit status: 0 clean or warnings only, 1 errors found, 2 bad usage or a file that cannot be read.
`,
  buildUsage: (runtimeDir, themes, defaultTheme) => `Usage: lectern build DECK.md -o DIR [--theme NAME]

Writes a static site that presents the deck with reveal.js, with no network, from a web server
or opened straight from file://: DIR/index.html, DIR/${runtimeDir}/ (reveal.js, speaker view)
and the deck's local media under the same relative paths. Press S for the speaker view.
  -o, --out DIR   output folder: new, empty, or an earlier lectern build
  --theme NAME    ${themes} (default: the deck's theme, else ${defaultTheme})
  --lang vi|en    language of the messages and of the built site's interface (speaker view);
                  default: messages from LC_ALL / LC_MESSAGES / LANG, the site from the deck's lang
Exit status: 0 built, 1 built but the deck has errors, 2 bad usage or unreadable input.
`,
  packUsage: `Usage: lectern pack DECK.md [-o FILE.lectern]

Packs the deck and every local media file it uses (under media/ beside the deck) into one
.lectern bundle. Default output: the deck's name with .lectern, in the current folder.
Lists what it packed on stdout; progress for large files on stderr.
${LANG_OPTION.en}
Exit: 0 packed, 1 missing or unsafe media (listed), 2 bad usage or unreadable deck.
`,
  unpackUsage: `Usage: lectern unpack FILE.lectern -o DIR [--force]

Checks the bundle completely, then extracts manifest.json, deck.md and media/ into DIR.
Writes nothing if the bundle is refused. DIR must not exist or be empty, unless --force
(which replaces it).
${LANG_OPTION.en}
Exit: 0 unpacked, 1 bundle refused or DIR not empty, 2 bad usage or unreadable file.
`,
  exportUsage: `Usage: lectern export DECK.md -o FILE.pptx [--json]

Writes the deck as an editable PowerPoint file: titles, text, lists, tables, lesson blocks,
images, video, audio and speaker notes; media are taken from beside the deck (media/...).
  -o, --out FILE   the file to write; its extension picks the format (.pptx)
  --json           print {output, slides, losses} on stdout
${LANG_OPTION.en}
Exit status: 0 written, 1 written but something could not be kept (listed), 2 bad usage or
unreadable input.
`,
  importUsage: `Usage: lectern import FILE.pptx|FILE.docx|FILE.qmd|FILE.md -o DIR [--json]

Converts a PowerPoint presentation or a Word lesson plan into a Lectern deck: DIR/deck.md and
DIR/media/... From .pptx: slides, titles, text, lists, tables, pictures, video/audio, notes and
hidden slides. From .docx: one slide per Heading 1/2, lists, tables, pictures, and the lesson-plan
headings (Mục tiêu, Đối tượng, Thời gian, Tài liệu tham khảo) in the front matter.
From a Quarto/Pandoc (.qmd, format: revealjs), Marp (marp: true) or Slidev deck: the same slides,
notes and fragments in Lectern Markdown, its local pictures copied into DIR/media/.
What cannot be carried over is listed (--json prints the whole report on stdout).
DIR must not exist or be empty. Nothing is left in DIR when the file is refused.
${LANG_OPTION.en}
Exit: 0 converted, 1 converted with losses (listed), 2 bad usage, unreadable or refused file.
`,
  noOutFile: 'no output file given (-o FILE.pptx)',
  exportFormat: (out) => `cannot tell the format of "${out}": the output must end in .pptx`,
  exportWrote: (slides, out) => `wrote ${slides} slide(s) to ${out}`,
  exportLosses: (n) => `${n} thing(s) could not be kept:`,
  nameFileToImport: 'name the file to import',
  importTargetNotEmpty: (path) => `${path} is not empty; nothing was written`,
  importWhere: (slide, line) => `slide ${slide}${line === undefined ? '' : ` (deck.md:${line})`}`,
  importLoss: 'loss',
  importNote: 'note',
  imported: (slides, media, size, output, losses) => `imported ${slides} slide(s), ${media} media file(s) (${size}) into ${output}; ${losses} loss(es)`,
  notOtherDeck:
    'not a Quarto, Marp or Slidev deck (no format: revealjs, marp: true or Slidev slide front matter); a Lectern deck needs no import; nothing was written',
  unknownCommand: (name) => `unknown command "${name}"`,
  badLang: (value) => `--lang takes vi or en (not "${value}")`,
  failed: (detail) => `failed: ${detail}`,
  notAvailable: (command) => `"${command}" is not available yet in this version of lectern`,
  noFile: 'no FILE given',
  noDeck: 'no DECK.md given',
  oneDeck: 'give exactly one deck',
  noOut: 'no output folder given (-o DIR)',
  unknownTheme: (theme, themes) => `unknown theme "${theme}"; offline themes: ${themes}`,
  summary: (files, error, warning, info, unreadable) =>
    `${plural(files, 'file', 'files')} checked: ${plural(error, 'error', 'errors')}, ${plural(warning, 'warning', 'warnings')}, ${info} info${unreadable > 0 ? `, ${plural(unreadable, 'file', 'files')} could not be read` : ''}`,
  outFolder: {
    'not-folder': 'exists and is not a folder',
    unusable: (code) => `cannot be used (${code})`,
    'not-build': 'is not empty and is not an earlier lectern build; choose a new or empty folder',
  },
  rendering: (deck) => `rendering ${deck}`,
  themeFallback: (requested, theme) => `theme "${requested}" lacks Vietnamese letters or needs the network; using "${theme}"`,
  copiedMedia: (n, size) => `copied ${plural(n, 'media file', 'media files')} (${size})`,
  slidesWritten: (n, dir, errors) => `${plural(n, 'slide', 'slides')} written to ${dir}${errors > 0 ? ` (the deck has ${plural(errors, 'error', 'errors')})` : ''}`,
  needsFile: (option) => `${option} needs a file name`,
  needsFolder: (option) => `${option} needs a folder name`,
  unknownOption: (option) => `unknown option ${option}`,
  oneAtATime: {
    deck: (a, b) => `one deck at a time (got ${a} and ${b})`,
    bundle: (a, b) => `one bundle at a time (got ${a} and ${b})`,
    file: (a, b) => `one file at a time (got ${a} and ${b})`,
  },
  nameDeckToPack: 'name the deck to pack',
  nameBundle: 'name the bundle to unpack',
  nameTarget: 'name the target folder with -o DIR',
  mediaCannotBePacked: (n) => `${n} media file(s) cannot be packed; nothing was written:`,
  mediaNotWhatNamed: (n) => `${n} media file(s) are not what their names say (the app refuses this bundle too); nothing was written:`,
  cannotWrite: (path, detail) => `cannot write ${path}: ${detail}`,
  nothingWritten: 'nothing was written',
  packed: (files, size, output) => `packed ${files} file(s), ${size} of media, into ${output}`,
  unpacked: (title, files, size, output) => `unpacked "${title}": ${files} file(s), ${size} of media, into ${output}`,
  targetNotFolder: (path) => `${path} exists and is not a folder; nothing was written`,
  targetNotEmpty: (path) => `${path} is not empty; use --force to replace it; nothing was written`,
  progress: { packed: 'packed', checked: 'checked', extracted: 'extracted', written: 'written' },
  progressLine: (verb, done, total, percent) => `${verb} ${done} of ${total} (${percent}%)`,
  input: {
    missing: () => 'no such file',
    directory: () => 'is a directory, not a file',
    'not-file': () => 'is not a regular file',
    unreadable: (d) => (d.errno === 'EACCES' || d.errno === 'EPERM' ? 'permission denied' : `cannot be read (${d.errno ?? 'unknown error'})`),
    'too-large': (d) => `is ${d.size} bytes; a deck is at most ${d.max} bytes`,
    binary: (d) => `is a binary file (NUL byte at offset ${d.offset}), not a Markdown deck`,
    encoding: (d) => `is not valid UTF-8${d.line !== undefined ? ` at line ${d.line}, byte ${d.offset}` : ''}; save it as UTF-8 and try again`,
    unchecked: (d) => `cannot be checked: ${d.detail}`,
  },
};

export const CLI_MESSAGES: Record<CliLang, CliMessages> = { vi, en };

export function cliMessages(lang: CliLang): CliMessages {
  return CLI_MESSAGES[lang];
}
