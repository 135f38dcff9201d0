// ocr_bench: what OCR costs a page.
//
//   BM_OcrEngine         one scanned A4 page through OcrEngine::Recognize, the
//                        engine created once (as a worker does): CPU per page
//   BM_TesseractCommand  the same page through `tesseract PAGE - -l fra`, one
//                        process a page: CPU of the child (user + system)
//   BM_TesseractStartup  the command on a 16x16 blank image: its fixed cost
//                        (process start, model load), included above
//   BM_RecognizeAll/N    a 4-page scan over N = 1 and 2 worker threads, wall
//                        time, engine creation included
//
// The pages are made at start by ../shared/tools/make-scan (300 dpi, skew
// 1.2 degrees, noise, blur: its defaults) from a text written here; without
// make-scan, ImageMagick or tesseract, the benchmarks are skipped with a
// message. After the runs a summary gives the ratios (targets: engine CPU
// <= 1.10x the command's, jobs=2 >= 1.7x faster than jobs=1).
//
// Tesseract's OpenMP threads make OCR several times slower on small
// machines, and libgomp reads OMP_THREAD_LIMIT when it loads: like the CLI,
// the program sets OMP_THREAD_LIMIT=1 and executes itself again (the
// tesseract command inherits it, so both sides run single-threaded).
#include <benchmark/benchmark.h>
#include <leptonica/allheaders.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "ingest/ocr.h"

namespace {

namespace fs = std::filesystem;
using delibex::OcrEngine;
using delibex::OcrPage;
using delibex::PixPtr;
using delibex::Result;

constexpr int kPages = 4;

// A register's page of deliberations, long enough for kPages A4 pages.
std::string BenchText() {
  static const char* const kSubjects[] = {
      "travaux de réfection de la voirie de la rue des Tanneurs",
      "tarifs de la restauration scolaire pour l'année 2024-2025",
      "subvention au comité des fêtes pour la fête patronale",
      "convention avec le syndicat départemental d'énergies",
      "acquisition d'un tracteur pour les services techniques",
      "création d'un poste d'adjoint administratif territorial",
      "demande de dotation d'équipement des territoires ruraux",
      "révision des loyers des logements communaux",
      "adhésion au groupement de commandes pour l'électricité",
      "vente d'une parcelle du domaine privé de la commune",
  };
  static const char* const kNames[] = {"Mme Colette Vernhes",   "M. Étienne Malbec",
                                       "Mme Nathalie Soubiran", "M. Grégoire Astruc",
                                       "Mme Inès Cabanel",      "M. Lucien Fabre"};
  std::string t =
      "COMMUNE DE SAINT-MARTIN-DES-COMBES\n"
      "Registre des délibérations du conseil municipal\n"
      "Séance du 21 mars 2024 à vingt heures\n\n";
  for (int i = 0; i < 48; ++i) {
    const int number = 12 + i;
    const int amount = 1500 + 725 * i;
    t += "Délibération n° 2024-" + std::string(number < 100 ? "0" : "") + std::to_string(number) +
         " : " + kSubjects[i % 10] + ".\n";
    t += "Rapporteur : " + std::string(kNames[i % 6]) +
         ". Le conseil municipal, après en avoir délibéré, approuve le projet présenté pour un "
         "montant de " +
         std::to_string(amount) +
         " euros hors taxes, dit que les crédits sont inscrits au budget de l'exercice et "
         "autorise le maire à signer toute pièce utile. Vote : " +
         std::to_string(15 - i % 3) + " pour, " + std::to_string(i % 3) + " contre.\n\n";
  }
  return t;
}

// Runs a command without a shell, output thrown away. Returns the child's CPU
// seconds (user + system), or a negative number when it did not run or failed.
double RunCpu(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const pid_t pid = fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    FILE* null = std::fopen("/dev/null", "w");
    if (null != nullptr) {
      dup2(fileno(null), STDOUT_FILENO);
      dup2(fileno(null), STDERR_FILENO);
    }
    execvp(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  if (wait4(pid, &status, 0, &usage) != pid) return -1;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return -1;
  auto seconds = [](const timeval& tv) { return tv.tv_sec + tv.tv_usec * 1e-6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

double ProcessCpu() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

double WallClock() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

// The scanned pages, made once; `error` says why there are none.
struct Fixture {
  fs::path dir;
  std::vector<PixPtr> pages;  // kPages pages
  fs::path first_page_png;    // pages[0], for the tesseract command
  fs::path blank_png;
  std::string error;

  Fixture() {
    const char* from_env = std::getenv("DELIBEX_MAKE_SCAN");
    const fs::path make_scan = from_env != nullptr ? fs::path(from_env)
                                                   : fs::path(DELIBEX_SOURCE_DIR) / ".." /
                                                         "shared" / "tools" / "make-scan";
    if (access(make_scan.c_str(), X_OK) != 0) {
      error = "no make-scan at " + make_scan.string() + " (set DELIBEX_MAKE_SCAN)";
      return;
    }
    dir = fs::temp_directory_path() / ("delibex-ocr-bench-" + std::to_string(getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / "register.txt") << BenchText();
    std::fprintf(stderr, "ocr_bench: making the %d-page scan with %s...\n", kPages,
                 make_scan.c_str());
    if (RunCpu({make_scan.string(), (dir / "register.txt").string(),
                (dir / "register.tif").string()}) < 0) {
      error = "make-scan failed (it needs ImageMagick with Pango)";
      return;
    }
    std::ifstream in(dir / "register.tif", std::ios::binary);
    const std::string tiff((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    Result<std::vector<PixPtr>> read = delibex::ReadImages(tiff);
    if (!read.ok() || read.value().size() < kPages) {
      error = "make-scan gave no " + std::to_string(kPages) + "-page TIFF";
      return;
    }
    pages = std::move(read).value();
    pages.resize(kPages);
    first_page_png = dir / "page1.png";
    blank_png = dir / "blank.png";
    PixPtr blank(pixCreate(16, 16, 8));
    pixSetAllArbitrary(blank.get(), 255);
    if (pixWrite(first_page_png.c_str(), pages[0].get(), IFF_PNG) != 0 ||
        pixWrite(blank_png.c_str(), blank.get(), IFF_PNG) != 0) {
      error = "cannot write the page images in " + dir.string();
      return;
    }
    if (RunCpu({"tesseract", "--version"}) < 0) error = "no tesseract command";
  }
  ~Fixture() {
    std::error_code ec;
    if (!dir.empty()) fs::remove_all(dir, ec);
  }
};

Fixture& Pages() {
  static Fixture fixture;
  return fixture;
}

// Best (least) per-page figures over the iterations, for the summary.
struct Figures {
  double engine_cpu = std::numeric_limits<double>::infinity();
  double command_cpu = std::numeric_limits<double>::infinity();
  double startup_cpu = std::numeric_limits<double>::infinity();
  double wall[3] = {std::numeric_limits<double>::infinity(),
                    std::numeric_limits<double>::infinity(),
                    std::numeric_limits<double>::infinity()};
  double confidence = 0;
} figures;

void BM_OcrEngine(benchmark::State& state) {
  Fixture& f = Pages();
  if (!f.error.empty()) return state.SkipWithError(f.error.c_str());
  Result<std::unique_ptr<OcrEngine>> engine = OcrEngine::Create();
  if (!engine.ok()) return state.SkipWithError(engine.error().message.c_str());
  double total = 0;
  for (auto _ : state) {
    const double start = ProcessCpu();
    Result<OcrPage> page = engine.value()->Recognize(f.pages[0].get());
    const double cpu = ProcessCpu() - start;
    if (!page.ok()) return state.SkipWithError(page.error().message.c_str());
    figures.confidence = page.value().mean_confidence;
    figures.engine_cpu = std::min(figures.engine_cpu, cpu);
    total += cpu;
    state.SetIterationTime(cpu);
  }
  state.counters["cpu_s_per_page"] = total / static_cast<double>(state.iterations());
  state.counters["confidence"] = figures.confidence;
}

void BM_TesseractCommand(benchmark::State& state) {
  Fixture& f = Pages();
  if (!f.error.empty()) return state.SkipWithError(f.error.c_str());
  double total = 0;
  for (auto _ : state) {
    const double cpu = RunCpu({"tesseract", f.first_page_png.string(), "-", "-l", "fra"});
    if (cpu < 0) return state.SkipWithError("tesseract failed");
    figures.command_cpu = std::min(figures.command_cpu, cpu);
    total += cpu;
    state.SetIterationTime(cpu);
  }
  state.counters["cpu_s_per_page"] = total / static_cast<double>(state.iterations());
}

void BM_TesseractStartup(benchmark::State& state) {
  Fixture& f = Pages();
  if (!f.error.empty()) return state.SkipWithError(f.error.c_str());
  for (auto _ : state) {
    const double cpu = RunCpu({"tesseract", f.blank_png.string(), "-", "-l", "fra"});
    if (cpu < 0) return state.SkipWithError("tesseract failed");
    figures.startup_cpu = std::min(figures.startup_cpu, cpu);
    state.SetIterationTime(cpu);
  }
}

void BM_RecognizeAll(benchmark::State& state) {
  Fixture& f = Pages();
  if (!f.error.empty()) return state.SkipWithError(f.error.c_str());
  const int jobs = static_cast<int>(state.range(0));
  std::vector<Pix*> pages;
  for (const PixPtr& p : f.pages) pages.push_back(p.get());
  for (auto _ : state) {
    const double start = WallClock();
    const std::vector<Result<OcrPage>> read = delibex::RecognizeAll(pages, jobs);
    figures.wall[jobs] = std::min(figures.wall[jobs], WallClock() - start);
    for (const Result<OcrPage>& page : read) {
      if (!page.ok()) return state.SkipWithError(page.error().message.c_str());
    }
  }
  state.counters["pages_per_s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * pages.size()), benchmark::Counter::kIsRate);
}

BENCHMARK(BM_OcrEngine)->UseManualTime()->Iterations(3)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TesseractCommand)->UseManualTime()->Iterations(3)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TesseractStartup)->UseManualTime()->Iterations(3)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RecognizeAll)
    ->Arg(1)
    ->Arg(2)
    ->UseRealTime()
    ->Iterations(2)
    ->Unit(benchmark::kMillisecond);

void PrintSummary() {
  if (!std::isfinite(figures.engine_cpu) || !std::isfinite(figures.command_cpu)) return;
  std::printf(
      "\nOCR, one page (best of the iterations, CPU seconds):\n"
      "  OcrEngine::Recognize          %.3f  (mean word confidence %.1f)\n"
      "  tesseract PAGE - -l fra       %.3f  (of which start-up %.3f)\n"
      "  ratio engine / command        %.2fx  (target <= 1.10x)\n"
      "  ratio engine / command's OCR  %.2fx  (start-up taken out)\n",
      figures.engine_cpu, figures.confidence, figures.command_cpu, figures.startup_cpu,
      figures.engine_cpu / figures.command_cpu,
      figures.engine_cpu / (figures.command_cpu - figures.startup_cpu));
  if (std::isfinite(figures.wall[1]) && std::isfinite(figures.wall[2])) {
    std::printf(
        "%d-page scan, wall seconds: jobs=1 %.2f, jobs=2 %.2f: %.2fx faster (target >= 1.7x)\n",
        kPages, figures.wall[1], figures.wall[2], figures.wall[1] / figures.wall[2]);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (std::getenv("OMP_THREAD_LIMIT") == nullptr) {
    setenv("OMP_THREAD_LIMIT", "1", 1);
    execv("/proc/self/exe", argv);
    // If that fails, carry on: slower, and the summary says nothing of it.
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  PrintSummary();
  return 0;
}
