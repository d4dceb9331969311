// Builds the task pane, the ribbon command page and its result dialog into dist/, with the manifest and icons.
//   webpack --mode production                      production build; office.js from Microsoft's CDN
//   ADDIN_URL=https://intranet/addin/ webpack ...  also rewrites the manifest's https://localhost:3000/ to that URL
//   OFFICE_JS=local webpack ...                    office.js from the add-in's own server (npm package @microsoft/office-js),
//                                                  for intranets that cannot reach Microsoft's CDN; rebuild to keep it current
//   webpack --env e2e                              test build: a stand-in office.js over the fake Word (test/e2e)
const fs = require("fs");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const LOCAL_OFFICE_JS = "office-js/office.js";

/** The manifest for where the office hosts the files: every dev URL, and the dev origin in AppDomains. */
function rewriteManifest(xml, addinUrl) {
  if (addinUrl === DEV_URL) return xml;
  return xml.split(DEV_URL).join(addinUrl).split(DEV_URL.replace(/\/$/, "")).join(new URL(addinUrl).origin);
}

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const e2e = Boolean(env.e2e);
  const addinUrl = process.env.ADDIN_URL ? process.env.ADDIN_URL.replace(/\/?$/, "/") : DEV_URL;
  // Microsoft supports the CDN copy; the npm copy is for networks that cannot reach it, and is only as current as the build.
  const localOfficeJs = process.env.OFFICE_JS === "local";
  const officeJs = e2e ? "office-stand-in.js" : localOfficeJs ? LOCAL_OFFICE_JS : OFFICE_JS;
  // Inlined first in every page: tells Word's old engines (IE11, EdgeHTML) what to do instead (src/shared/engineGuard.js).
  const engineGuard = fs.readFileSync(path.join(__dirname, "src", "shared", "engineGuard.js"), "utf8");
  const page = (name, chunks, folder = name === "taskpane" || name === "help" ? "taskpane" : "commands") =>
    new HtmlWebpackPlugin({ filename: `${name}.html`, template: `./src/${folder}/${name}.html`, chunks, officeJs, engineGuard });

  return {
    devtool: production ? false : "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      result: "./src/commands/result.ts",
      ...(e2e ? { "office-stand-in": "./test/e2e/officeStandIn.ts", harness: "./test/e2e/harness.ts" } : {}),
    },
    output: {
      path: path.resolve(__dirname, e2e ? "dist-e2e" : "dist"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // ES modules so that webpack can tree-shake Fluent; the CLI build (tsc) stays CommonJS.
            options: { configFile: e2e ? "tsconfig.test.json" : "tsconfig.json", compilerOptions: { module: "esnext", moduleResolution: "bundler", noEmit: false, sourceMap: !production }, onlyCompileBundledFiles: true },
          },
        },
      ],
    },
    plugins: [
      page("taskpane", ["taskpane"]),
      page("commands", ["commands"]),
      page("result", ["result"]),
      page("help", []),
      ...(e2e ? [new HtmlWebpackPlugin({ filename: "harness.html", template: "./test/e2e/harness.html", chunks: ["harness"] })] : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          ...(localOfficeJs && !e2e
            ? [{ from: "node_modules/@microsoft/office-js/dist", to: "office-js", globOptions: { ignore: ["**/*.debug.js", "**/*.d.ts", "**/*-vsdoc.js"] } }]
            : []),
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => rewriteManifest(content.toString(), addinUrl),
          },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: {
      static: { directory: path.resolve(__dirname, "dist") },
      port: 3000,
      // This machine only: the documents a developer tries never leave it.
      host: "localhost",
      headers: { "Access-Control-Allow-Origin": "*" },
      // A self-signed certificate made by the dev server; see README for trusting it or using Microsoft's on Windows.
      server: { type: "https", options: env.httpsKey ? { key: env.httpsKey, cert: env.httpsCert } : undefined },
      client: { overlay: { warnings: false } },
    },
  };
};

module.exports.rewriteManifest = rewriteManifest;
