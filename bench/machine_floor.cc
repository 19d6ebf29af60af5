// SPDX-License-Identifier: MIT
// Machine floor for the end-to-end benchmark (see machine_floor.h).
#include "bench/machine_floor.h"

#include <hdf5.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <stdexcept>
#include <thread>
#include <vector>

extern "C" void dgetrf_(const int*, const int*, double*, const int*, int*, int*);

namespace irio::bench {
namespace {

double now() { return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count(); }

/// Read every dataset of `group` (recursively) into a byte buffer sized from its type and space.
herr_t read_one(hid_t obj, const char* name, const H5O_info_t* info, void* op_data) {
  auto* bytes = static_cast<double*>(op_data);
  if (info->type != H5O_TYPE_DATASET) return 0;
  const hid_t d = H5Dopen2(obj, name, H5P_DEFAULT);
  if (d < 0) return -1;
  const hid_t space = H5Dget_space(d), type = H5Dget_type(d);
  const hssize_t count = H5Sget_simple_extent_npoints(space);
  const std::size_t size = H5Tget_size(type);
  herr_t rc = 0;
  if (count > 0 && H5Tget_class(type) != H5T_STRING) {
    std::vector<unsigned char> buf(static_cast<std::size_t>(count) * size);
    rc = H5Dread(d, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, buf.data());
    *bytes += static_cast<double>(buf.size());
  }
  H5Tclose(type);
  H5Sclose(space);
  H5Dclose(d);
  return rc;
}

double read_core(const std::string& path, double& bytes) {
  const double t0 = now();
  const hid_t f = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (f < 0) throw std::runtime_error("cannot open " + path);
  const hid_t g = H5Gopen2(f, "/core", H5P_DEFAULT);
  const herr_t rc = g < 0 ? -1 : H5Ovisit2(g, H5_INDEX_NAME, H5_ITER_NATIVE, read_one, &bytes, H5O_INFO_BASIC);
  if (g >= 0) H5Gclose(g);
  H5Fclose(f);
  if (rc < 0) throw std::runtime_error("cannot read /core of " + path);
  return now() - t0;
}

/// Best of five streaming reads of 256 MB split over the hardware's threads.
double bandwidth_gbs() {
  const std::size_t n = std::size_t{256} << 17;  // doubles
  std::vector<double> a(n, 1.0);
  const unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  double best = 1e30, sink = 0;
  for (int rep = 0; rep < 5; ++rep) {
    std::vector<double> part(threads);
    const double t0 = now();
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t)
      pool.emplace_back([&, t] {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        const std::size_t lo = n * t / threads, hi = n * (t + 1) / threads;
        std::size_t i = lo;
        for (; i + 4 <= hi; i += 4) s0 += a[i], s1 += a[i + 1], s2 += a[i + 2], s3 += a[i + 3];
        for (; i < hi; ++i) s0 += a[i];
        part[t] = s0 + s1 + s2 + s3;
      });
    for (auto& th : pool) th.join();
    best = std::min(best, now() - t0);
    for (double p : part) sink += p;
  }
  if (sink < 0) std::printf(" ");  // keep the sums
  return static_cast<double>(n * sizeof(double)) / best / 1e9;
}

double region_lus(int regions, int sectors) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> u(0.0, 1.0 / sectors);
  const int N = sectors;
  std::vector<double> B(static_cast<std::size_t>(N) * N);
  std::vector<int> piv(static_cast<std::size_t>(N));
  double total = 0;
  for (int r = 0; r < regions; ++r) {
    for (int j = 0; j < N; ++j)
      for (int i = 0; i < N; ++i) B[static_cast<std::size_t>(j) * N + i] = (i == j ? 1.0 : 0.0) - u(rng);
    const double t0 = now();
    int info = 0;
    dgetrf_(&N, &N, B.data(), &N, piv.data(), &info);
    total += now() - t0;
  }
  return total;
}

}  // namespace

MachineFloor measure_floor(const std::string& path, int regions, int sectors) {
  MachineFloor f;
  double bytes = 0;
  f.read_s = read_core(path, bytes);
  f.read_mb = bytes / 1e6;
  f.region_lus_s = region_lus(regions, sectors);
  f.bandwidth_gbs = bandwidth_gbs();
  // Z's non-zeros: /core/Z/data's length.
  const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (file >= 0) {
    const hid_t d = H5Dopen2(file, "/core/Z/data", H5P_DEFAULT);
    if (d >= 0) {
      const hid_t s = H5Dget_space(d);
      f.nnz = static_cast<double>(H5Sget_simple_extent_npoints(s));
      H5Sclose(s);
      H5Dclose(d);
    }
    H5Fclose(file);
  }
  f.pass_s = f.nnz * (sizeof(double) + sizeof(int)) / (f.bandwidth_gbs * 1e9);
  return f;
}

}  // namespace irio::bench
